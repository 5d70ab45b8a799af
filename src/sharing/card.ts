import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { formatDate } from '../utils/dates.ts';
import { escapeHtml } from '../utils/html.ts';
import { touch } from '../utils/cache-files.ts';
import { packageVersions } from '../utils/package-versions.ts';
import { writeWhole } from '../utils/write-whole.ts';
import { encodeOpaquePng, PNG_ENCODING } from './png.ts';

/**
 * A brief's sharing card (Open Graph, Twitter): a 1200×630 PNG of the site's
 * name, the brief's title and its byline. Drawn by the page
 * `/briefs/<slug>/og.png` or, during a build, ahead of it on another thread
 * (painter.ts); either way kept in the cache by what it shows, so a card is
 * drawn once. Written without TypeScript-only syntax: the painter's thread
 * runs this file with Node's own type stripping.
 */

/** What a card shows. */
export interface CardText {
	site: string;
	title: string;
	byline: string;
}

/** Where a card is drawn from and kept: the project (for its fonts) and the site's cache directory. */
export interface CardPaths {
	root: string;
	cache: string;
}

/** "Sourced editorial team · 29 November 2026": the brief's authors and publication date. */
export const cardByline = (authors: readonly { name: string }[], published: Date) =>
	`${authors.map((author) => author.name).join(', ')} · ${formatDate(published)}`;

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

/** The card as SVG: site name, title (up to four lines), byline. */
export function cardSvg({ site, title, byline }: CardText): string {
	const lines = wrap(title, 30, 4);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#fdfcf9"/>
<rect x="0" y="0" width="24" height="630" fill="#1d4f91"/>
<text x="96" y="120" font-family="Source Serif 4" font-weight="700" font-size="36" fill="#1d4f91">${escapeHtml(site)}</text>
${lines.map((l, i) => `<text x="96" y="${230 + i * 78}" font-family="Source Serif 4" font-weight="700" font-size="64" fill="#1b1b1f">${escapeHtml(l)}</text>`).join('\n')}
<text x="96" y="570" font-family="Source Serif 4" font-size="30" fill="#52525b">${escapeHtml(byline)}</text>
</svg>`;
}

/** Where the card drawn from `svg` is kept: by the SVG and what draws it, resvg, the fonts and the encoding (a change of any draws it anew). */
export const cardFile = ({ root, cache }: CardPaths, svg: string) =>
	path.join(
		cache,
		'og-images',
		`${createHash('sha256')
			.update(packageVersions(root, ['@resvg/resvg-js', '@expo-google-fonts/source-serif-4']))
			.update(`\0${PNG_ENCODING}\0`)
			.update(svg)
			.digest('hex')
			.slice(0, 32)}.png`,
	);

/** Bundled with the project (an npm package), so that the build needs no network and no system fonts. */
const fonts = (root: string) =>
	['400Regular/SourceSerif4_400Regular.ttf', '700Bold/SourceSerif4_700Bold.ttf'].map((file) =>
		path.join(root, 'node_modules/@expo-google-fonts/source-serif-4', file),
	);

/**
 * A young-generation collection, to free a card's drawing at once. resvg's
 * objects are small to V8 but hold about 3 MB each outside its heap, which V8
 * does not know of: with nothing else to prompt a collection they piled up
 * (1 GB for 300 cards drawn in a row; 87 MB with this). A scavenge takes
 * about a millisecond. (The way Node's documentation shows to reach `gc`
 * from code; where it is refused, cards are drawn as before.)
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

/**
 * Draws the card and keeps it in the cache: 17–20 ms a card, drawn 100 times
 * in a row on a quiet machine, against 24–26 ms with resvg's own PNG encoder
 * (about 4 to read the SVG and fonts, 9 to lay out, paint and hand over the
 * pixels, 5 to encode them).
 */
export function drawCard(svg: string, paths: CardPaths): Buffer {
	const image = new Resvg(svg, {
		font: { fontFiles: fonts(paths.root), loadSystemFonts: false, defaultFontFamily: 'Source Serif 4' },
	}).render();
	const png = encodeOpaquePng(image.width, image.height, image.pixels) ?? Buffer.from(image.asPng());
	collectYoung();
	writeWhole(cardFile(paths, svg), png);
	return png;
}

/** The card, from the cache if it was drawn before (by an earlier build, or by the painter during this one), else drawn now. */
export function card(text: CardText, paths: CardPaths): Buffer {
	const svg = cardSvg(text);
	const file = cardFile(paths, svg);
	try {
		const png = readFileSync(file);
		// Used by this build: kept by the next prune (utils/cache-files.ts).
		touch(file);
		return png;
	} catch {
		return drawCard(svg, paths);
	}
}
