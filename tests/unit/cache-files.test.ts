import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CitationCache } from '../../src/citations/cache.ts';
import { cachePrune } from '../../src/integrations/cache-prune.ts';
import { card, cardFile, cardSvg } from '../../src/sharing/card.ts';
import { pruneUnused, touch, UNUSED_DAYS } from '../../src/utils/cache-files.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 24 * 60 * 60 * 1000;
const folder = () => temporary('cache-files-');
const temporary = temporaryFolders();

/** A file last used `days` days ago. */
function file(at: string, days: number, text = '{}'): string {
	mkdirSync(path.dirname(at), { recursive: true });
	writeFileSync(at, text);
	const then = new Date(Date.now() - days * DAY);
	utimesSync(at, then, then);
	return at;
}

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('pruneUnused: a cache keeps what builds used in the last month', () => {
	it('removes the files unused for longer, in shard folders too, and the folders they leave empty', () => {
		const dir = folder();
		file(path.join(dir, 'entry-2d', 'entry-2d01.json'), UNUSED_DAYS + 1);
		file(path.join(dir, 'entry-2d', 'entry-2d02.json'), UNUSED_DAYS - 1);
		file(path.join(dir, 'brief-f2', 'brief-f201.json'), 400);
		file(path.join(dir, 'card.png'), UNUSED_DAYS + 1);
		file(path.join(dir, 'fresh.png'), 0);
		expect(pruneUnused(dir)).toBe(3);
		expect(files(dir)).toEqual(['entry-2d', path.join('entry-2d', 'entry-2d02.json'), 'fresh.png']);
	});

	it('keeps a file a build has marked as used (touch), however old it was; touch says whether the file is there', () => {
		const dir = folder();
		const old = file(path.join(dir, 'entry-4c', 'entry-4c.json'), 90);
		expect(touch(old)).toBe(true);
		expect(touch(path.join(dir, 'missing.png'))).toBe(false);
		expect(existsSync(path.join(dir, 'missing.png'))).toBe(false);
		expect(pruneUnused(dir)).toBe(0);
		expect(files(dir)).toEqual(['entry-4c', path.join('entry-4c', 'entry-4c.json')]);
	});

	it('prunes nothing from a cache that is not there', () => {
		expect(pruneUnused(path.join(folder(), 'sourced-citations'))).toBe(0);
	});
});

describe('what marks a cache file as used', () => {
	it('a formatted citation read back by a later build', () => {
		const cacheDir = folder();
		expect(new CitationCache({ cacheDir, root }).get('brief', { a: 1 }, () => 'formatted')).toBe('formatted');
		const [kept] = readdirSync(path.join(cacheDir, 'sourced-citations'), { recursive: true, withFileTypes: true }).filter((f) =>
			f.isFile(),
		);
		const at = path.join(kept!.parentPath, kept!.name);
		const then = new Date(Date.now() - 90 * DAY);
		utimesSync(at, then, then);
		expect(new CitationCache({ cacheDir, root }).peek('brief', { a: 1 })).toBe('formatted');
		expect(Date.now() - statSync(at).mtimeMs).toBeLessThan(DAY);
	});

	it('a sharing card read back by a later build', () => {
		const paths = { root, cache: folder() };
		const text = { site: 'Sourced', title: 'A brief', byline: 'An author · 1 December 2026' };
		const drawn = card(text, paths);
		const at = cardFile(paths, cardSvg(text));
		const then = new Date(Date.now() - 90 * DAY);
		utimesSync(at, then, then);
		expect(card(text, paths).equals(drawn)).toBe(true);
		expect(Date.now() - statSync(at).mtimeMs).toBeLessThan(DAY);
	});
});

describe('cachePrune, after a build', () => {
	it('prunes the citation and card caches, leaves the rest of the cache, and says how much went', () => {
		const cache = folder();
		file(path.join(cache, 'sourced-citations', 'entry-2d', 'entry-2d01.json'), 45);
		file(path.join(cache, 'sourced-citations', 'entry-94', 'entry-9401.json'), 1);
		file(path.join(cache, 'og-images', 'old.png'), 45);
		file(path.join(cache, 'data-store.json'), 45);
		file(path.join(cache, 'sourced-mdx', 'old.bin'), 45);
		const said: string[] = [];
		const hooks = cachePrune(cache).hooks as unknown as Record<string, (options: unknown) => void>;
		hooks['astro:build:done']!({ logger: { info: (message: string) => said.push(message) } });
		expect(said).toEqual([`removed 2 cache file(s) no build has used for ${UNUSED_DAYS} days`]);
		expect(files(cache)).toEqual(
			[
				'data-store.json',
				'og-images',
				'sourced-citations',
				path.join('sourced-citations', 'entry-94'),
				path.join('sourced-citations', 'entry-94', 'entry-9401.json'),
				'sourced-mdx',
				path.join('sourced-mdx', 'old.bin'),
			].sort(),
		);
		hooks['astro:build:done']!({ logger: { info: (message: string) => said.push(message) } });
		expect(said).toHaveLength(1);
	});
});
