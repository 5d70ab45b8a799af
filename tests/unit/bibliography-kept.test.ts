import { copyFileSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBibliography } from '../../src/bibliography/load.ts';
import { CitationStage } from '../../src/citations/stage.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const temporary = temporaryFolders();
const root = path.resolve(import.meta.dirname, '../..');

/** Every bibliography the project holds: the real one, Zotero and JabRef exports, malformed and hostile ones. */
const BIBLIOGRAPHIES = [
	'content/bibliography.bib',
	...readdirSync(path.join(root, 'tests/fixtures'), { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.bib'))
		.map((file) => path.join('tests/fixtures', file)),
];

/** A copy of `bib` under a path of its own: a reading is held in memory by path, and this must be read as another stage would. */
function copyOf(bib: string): string {
	const copy = path.join(temporary('sourced-bib-copy-'), path.basename(bib));
	copyFileSync(path.join(root, bib), copy);
	return copy;
}

/** A title in the real bibliography, as citation-js reads it. */
const KLEIN = "China's Digital Payments Revolution";

const kept = (cache: string) => readdirSync(path.join(cache, 'sourced-bibliographies'));

describe('a bibliography read once for the whole build', () => {
	it('is read back from the cache as it was read, problems, positions and CSL-JSON alike, for every bibliography here', () => {
		expect(BIBLIOGRAPHIES.length).toBeGreaterThan(15);
		const cache = temporary('sourced-bib-cache-');
		for (const bib of BIBLIOGRAPHIES) {
			const text = readFileSync(path.join(root, bib), 'utf8');
			// The build's thread reads it and keeps the reading; the compile thread, the pages and the next build read it back.
			const first = copyOf(bib);
			new CitationStage({ cacheDir: cache, code: 'v1' }).bibliography(first, { strictVerification: true });
			const second = copyOf(bib);
			const back = new CitationStage({ cacheDir: cache, code: 'v1' }).bibliography(second, { strictVerification: true });
			const fresh = readBibliography(text, second, { strictVerification: true });
			// JSON as the exports and the cache keys see it, and the objects as the plugins and pages do.
			expect(JSON.stringify([...back.sources]), bib).toBe(JSON.stringify([...fresh.sources]));
			expect(back, bib).toEqual(fresh);
			for (const source of back.sources.values()) expect(source.entry).toBeDefined();
		}
		// Two copies of one text are one reading.
		expect(kept(cache)).toHaveLength(new Set(BIBLIOGRAPHIES.map((bib) => readFileSync(path.join(root, bib), 'utf8'))).size);
	});

	it('is read back, not parsed again, by another stage of the same code; other code reads the text itself', () => {
		const cache = temporary('sourced-bib-cache-');
		new CitationStage({ cacheDir: cache, code: 'v1' }).bibliography(copyOf('content/bibliography.bib'));
		const [name] = kept(cache);
		// Mark the kept reading: a stage that shows the mark read it back.
		const file = path.join(cache, 'sourced-bibliographies', name!);
		writeFileSync(file, readFileSync(file, 'utf8').replace(`"title":${JSON.stringify(KLEIN)}`, '"title":"Read back"'));
		const title = (stage: CitationStage) => stage.items(copyOf('content/bibliography.bib')).get('klein2020')?.title;
		const longAgo = new Date('2020-01-01');
		utimesSync(file, longAgo, longAgo);
		expect(title(new CitationStage({ cacheDir: cache, code: 'v1' }))).toBe('Read back');
		// Marked as used, so that the prune after the build (integrations/cache-prune.ts) keeps it.
		expect(statSync(file).mtime.getTime()).toBeGreaterThan(longAgo.getTime());
		// A new version of the code (a fix to the reader) reads the text again, and keeps its own reading.
		expect(title(new CitationStage({ cacheDir: cache, code: 'v2' }))).toBe(KLEIN);
		expect(kept(cache)).toHaveLength(2);
		// Without a cache, or without the code's version, nothing is kept.
		expect(title(new CitationStage({ code: 'v1' }))).toBe(KLEIN);
		expect(title(new CitationStage({ cacheDir: cache }))).toBe(KLEIN);
		expect(kept(cache)).toHaveLength(2);
	});

	it('follows the text: an edited bibliography is read again, and a kept reading that cannot be read is made again', () => {
		const cache = temporary('sourced-bib-cache-');
		const bib = copyOf('content/bibliography.bib');
		const stage = new CitationStage({ cacheDir: cache, code: 'v1' });
		stage.bibliography(bib);
		const [name] = kept(cache);
		writeFileSync(path.join(cache, 'sourced-bibliographies', name!), '{"entries": [');
		const edited = copyOf('content/bibliography.bib');
		writeFileSync(edited, readFileSync(edited, 'utf8').replace("{China's} Digital Payments Revolution", 'An edited title'));
		expect(new CitationStage({ cacheDir: cache, code: 'v1' }).items(edited).get('klein2020')?.title).toBe('An edited title');
		expect(new CitationStage({ cacheDir: cache, code: 'v1' }).items(copyOf('content/bibliography.bib')).get('klein2020')?.title).toBe(
			KLEIN,
		);
	});
});
