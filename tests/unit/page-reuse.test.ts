import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageReuse, RENDERING, renderingMark, running } from '../../src/integrations/page-reuse.ts';

type Hooks = Record<string, (options: unknown) => void>;

/** A cache as a build leaves it: Astro's list of copies, a copy, and the marks named. */
function cacheWith(marks: string[]): string {
	const cache = mkdtempSync(path.join(tmpdir(), 'reuse-'));
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
		generated: () => hooks['astro:build:generated']!({ logger }),
	};
}

const state = (cache: string) => ({
	list: existsSync(path.join(cache, 'incremental-build.json')),
	copies: existsSync(path.join(cache, 'dist', 'briefs', 'index.html')),
	marks: readdirSync(cache)
		.filter((name) => name.startsWith(RENDERING))
		.sort(),
});

describe('page reuse after a stopped build, and beside another build', () => {
	const OTHER = 999_999_999;

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
		for (const mark of [renderingMark(OTHER), renderingMark(process.pid), RENDERING]) {
			const cache = cacheWith([mark]);
			const run = build(cache, () => false);
			run.configDone();
			expect(state(cache)).toEqual({ list: false, copies: false, marks: [] });
			expect(run.said).toEqual(['info: the last build stopped while rendering pages: none of its pages is reused, every page is rendered']);
		}
	});

	it('renders every page beside a build that is rendering with the same cache, leaving that build its mark and its copies', () => {
		const cache = cacheWith([renderingMark(OTHER)]);
		const run = build(cache, (pid) => pid === OTHER);
		run.configDone();
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [renderingMark(OTHER)] });
		expect(run.said).toHaveLength(1);
		expect(run.said[0]).toMatch(
			/^warn: another build \(process 999999999\) is rendering pages with this cache, .*: none of its pages is reused/,
		);
	});

	it('leaves no list when another build rendered with the same cache meanwhile: the next build renders every page', () => {
		const cache = cacheWith([]);
		const run = build(cache, (pid) => pid === OTHER);
		run.configDone();
		run.start();
		// Another build starts while this one renders; Astro then writes this build's list.
		writeFileSync(path.join(cache, renderingMark(OTHER)), '');
		writeFileSync(path.join(cache, 'incremental-build.json'), '{}');
		run.generated();
		expect(state(cache)).toEqual({ list: false, copies: true, marks: [renderingMark(OTHER)] });
		expect(run.said).toEqual([
			'warn: another build (process 999999999) rendered pages with this cache while this one did: the next build reuses none of them',
		]);
	});

	it('knows a running process from one that has ended', () => {
		expect(running(process.pid)).toBe(true);
		expect(running(OTHER)).toBe(false);
	});
});
