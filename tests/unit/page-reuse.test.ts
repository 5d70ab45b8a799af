import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pageReuse, processStart, RENDERING, renderingMark, running } from '../../src/integrations/page-reuse.ts';

type Hooks = Record<string, (options: unknown) => void>;

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A cache as a build leaves it: Astro's list of copies, a copy, and the marks named. */
function cacheWith(marks: string[]): string {
	const cache = mkdtempSync(path.join(tmpdir(), 'reuse-'));
	folders.push(cache);
	writeFileSync(path.join(cache, 'incremental-build.json'), '{}');
	mkdirSync(path.join(cache, 'dist', 'briefs'), { recursive: true });
	writeFileSync(path.join(cache, 'dist', 'briefs', 'index.html'), '<p>copy</p>');
	for (const mark of marks) writeFileSync(path.join(cache, mark), '');
	return cache;
}

/** The integration's hooks run as Astro runs them, with a logger that records what is said. */
function build(cache: string, alive: (pid: number) => boolean) {
	const said: string[] = [];
	const log = (level: string) => (message: string) => said.push(`${level}: ${message}`);
	const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} };
	const hooks = pageReuse(alive).hooks as unknown as Hooks;
	return {
		said,
		configDone: () => hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cache}/`) }, logger }),
		start: () => hooks['astro:build:start']!({ logger }),
		/** Astro writes this build's list, then calls the hook. */
		generated: () => {
			writeFileSync(path.join(cache, 'incremental-build.json'), '{}');
			hooks['astro:build:generated']!({ logger });
		},
	};
}

const state = (cache: string) => ({
	list: existsSync(path.join(cache, 'incremental-build.json')),
	copies: existsSync(path.join(cache, 'dist', 'briefs', 'index.html')),
	marks: readdirSync(cache)
		.filter((name) => name.startsWith(RENDERING))
		.sort(),
});

const OTHER = 999_999_999;
const other = renderingMark(OTHER, '12345');
const STOPPED = 'info: the last build stopped while rendering pages: none of its pages is reused, every page is rendered';
const BESIDE = /^warn: another build is rendering pages with this cache, .*: none of its pages is reused, every page is rendered/;
const MIXED = 'warn: another build rendered pages with this cache while this one did: the next build reuses none of them';

describe('page reuse after a stopped build, and beside another build', () => {
	it('keeps the list and the copies when no build left a mark, and marks the cache only while rendering', () => {
		const cache = cacheWith([]);
		const run = build(cache, () => false);
		run.configDone();
		expect(state(cache)).toEqual({ list: true, copies: true, marks: [] });
		run.start();
		expect(state(cache).marks).toEqual([renderingMark(process.pid)]);
		run.generated();
		expect(state(cache)).toEqual({ list: true, copies: true, marks: [] });
		expect(run.said).toEqual([]);
	});

	it('forgets the list and the copies of a build that stopped while rendering (its process gone), and says so', () => {
		// Also a build in this process (a test's) that threw, and the unnamed mark of an older version.
		for (const mark of [other, renderingMark(process.pid), RENDERING]) {
			const cache = cacheWith([mark]);
			const run = build(cache, () => false);
			run.configDone();
			expect(state(cache)).toEqual({ list: false, copies: false, marks: [] });
			expect(run.said).toEqual([STOPPED]);
		}
	});

	it('renders every page beside a build that is rendering with the same cache, tells that build so, and leaves no list', () => {
		const cache = cacheWith([other]);
		const run = build(cache, (pid) => pid === OTHER);
		run.configDone();
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [other] });
		expect(run.said).toHaveLength(1);
		expect(run.said[0]).toMatch(BESIDE);
		run.start();
		// The other build, finding this in its mark, will leave no list either.
		expect(readFileSync(path.join(cache, other), 'utf8')).toBe(`${process.pid}\n`);
		run.generated();
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [other] });
		expect(run.said.at(-1)).toBe(MIXED);
	});

	it('leaves no list when another build rendered beside it, even one that started after it and ended before', () => {
		const cache = cacheWith([]);
		const run = build(cache, (pid) => pid === OTHER);
		run.configDone();
		run.start();
		// Another build starts while this one renders: it signs this build's mark, renders, and is done before this one.
		writeFileSync(path.join(cache, other), '');
		writeFileSync(path.join(cache, renderingMark(process.pid)), `${OTHER}\n`);
		rmSync(path.join(cache, other));
		run.generated();
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [] });
		expect(run.said).toEqual([MIXED]);
	});

	it('keeps a stopped build’s mark while another build runs, and leaves no list for a build that rendered beside either', () => {
		const stopped = renderingMark(OTHER - 1, '1');
		const cache = cacheWith([stopped, other]);
		const run = build(cache, (pid) => pid === OTHER);
		run.configDone();
		// Its copies may be under the running build's list: neither is forgotten yet, nor the mark that says so.
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [stopped, other].sort() });
		run.start();
		run.generated();
		expect(state(cache).list).toBe(false);
		// The first build to find no build running forgets the stopped build's copies.
		rmSync(path.join(cache, other));
		const next = build(cache, () => false);
		next.configDone();
		expect(state(cache)).toEqual({ list: false, copies: false, marks: [] });
		expect(next.said).toEqual([STOPPED]);
	});

	it('knows a running process from one that has ended, and from a later process given the same pid', () => {
		expect(running(process.pid, processStart(process.pid))).toBe(true);
		expect(running(process.pid, '')).toBe(true);
		expect(running(process.pid, 'another start')).toBe(process.platform !== 'linux');
		expect(running(OTHER, '')).toBe(false);
	});
});
