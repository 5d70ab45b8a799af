import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { paths, site } from 'virtual:sourced/config';
import { escapeHtml } from './html.ts';

const FONT_DIR = path.join(paths.root, 'node_modules/@expo-google-fonts/source-serif-4');
/** Bundled with the project (an npm package), so that the build needs no network and no system fonts. */
const FONTS = ['400Regular/SourceSerif4_400Regular.ttf', '700Bold/SourceSerif4_700Bold.ttf'].map((f) => path.join(FONT_DIR, f));

const CACHE = path.join(paths.cache, 'og-images');

/**
 * A young-generation collection, to free a card's drawing at once. resvg's
 * objects are small to V8 but hold about 3 MB each outside its heap, which V8
 * does not know of: with nothing else to prompt a collection they piled up
 * (1 GB for 300 cards drawn in a row; 87 MB with this). A scavenge takes
 * about a millisecond. (The way Node's documentation shows to
 * reach `gc` from code; where it is refused, cards are drawn as before.)
 */
const collectYoung: () => void = (() => {
	try {
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as unknown;
		if (typeof gc === 'function') return () => void (gc as (options: { type: string }) => void)({ type: 'minor' });
	} catch {
		// No gc: cards are freed whenever V8 next collects.
	}
	return () => {};
})();

/** Greedy line breaking by character count, which is near enough for a title in one typeface. */
export function wrap(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && (line + ' ' + word).length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		lines.length = maxLines;
		lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/\s+\S*$/, '')}…`;
	}
	return lines;
}

/** A 1200×630 sharing card for a brief: site name, title, byline. */
export function ogImage(title: string, byline: string): Buffer {
	const lines = wrap(title, 30, 4);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#fdfcf9"/>
<rect x="0" y="0" width="24" height="630" fill="#1d4f91"/>
<text x="96" y="120" font-family="Source Serif 4" font-weight="700" font-size="36" fill="#1d4f91">${escapeHtml(site.name)}</text>
${lines.map((l, i) => `<text x="96" y="${230 + i * 78}" font-family="Source Serif 4" font-weight="700" font-size="64" fill="#1b1b1f">${escapeHtml(l)}</text>`).join('\n')}
<text x="96" y="570" font-family="Source Serif 4" font-size="30" fill="#52525b">${escapeHtml(byline)}</text>
</svg>`;
	// Drawing takes ~20 ms; a card whose picture has not changed is taken from the build cache.
	const cached = path.join(CACHE, `${createHash('sha256').update(svg).digest('hex').slice(0, 32)}.png`);
	try {
		return readFileSync(cached);
	} catch {
		const png = Buffer.from(
			new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'Source Serif 4' } }).render().asPng(),
		);
		collectYoung();
		mkdirSync(CACHE, { recursive: true });
		writeFileSync(cached, png);
		return png;
	}
}
