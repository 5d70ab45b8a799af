import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { beforeEach, describe, expect, it } from 'vitest';
import { CitationStage } from '../../src/citations/stage.ts';
import { BuildCollector } from '../../src/integration/collector.ts';
import { resolveConfig } from '../../src/integration/config.ts';
import { markdownProcessor } from '../../src/plugins/index.ts';
import { THREAD_SLOTS, ThreadUnavailable } from '../../src/plugins/compile-thread.ts';
import { COMPILE_SLOTS, MdxCache, OUTLINE_MIN, THREAD_MIN, outlineHtml, type BriefThread } from '../../src/plugins/mdx-cache.ts';
import { root } from '../helpers/build.ts';

const BRIEF = `## Payments

Payments moved to phones [@klein2020, p. 3].

## Sandboxes

A regulator tried a sandbox [see @lee2018].
`;
const FRONTMATTER = { title: 'A brief', published: new Date('2025-05-01') };

/** A content folder of its own (the real bibliography), a cache folder of its own, and one build's pipeline over them. */
function project() {
	const dir = mkdtempSync(path.join(tmpdir(), 'sourced-mdx-cache-'));
	const content = path.join(dir, 'content');
	cpSync(path.join(root, 'content/bibliography.bib'), path.join(content, 'bibliography.bib'));
	const config = resolveConfig({ content }, { root, cacheDir: path.join(dir, 'cache') });
	const file = path.join(content, 'briefs', 'brief.mdx');
	/** One build: a new collector, stage and cache (as each `astro build` makes them), over the same folders. */
	const build = async (outline = true) => {
		const collector = new BuildCollector();
		const mdxCache = new MdxCache(config, collector, outline);
		const processor = markdownProcessor({ config, stage: new CitationStage({ cacheDir: config.paths.cache }), collector, mdxCache });
		const renderer = await processor.createMdxRenderer!(
			{ syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig: markdownConfigDefaults.shikiConfig },
			{ optimize: true, srcDir: new URL('src/', `file://${root}/`), sourcemap: false },
		);
		const compile = async (text = BRIEF, frontmatter: Record<string, unknown> = FRONTMATTER) =>
			(await renderer.process(text, file, { ...frontmatter })).code;
		return { collector, mdxCache, compile };
	};
	const files = () => readdirSync(path.join(dir, 'cache', 'sourced-mdx'));
	/** The briefs kept: one module each (the HTML files their modules read are counted by `files`). */
	return { config, content, file, build, files, kept: () => files().filter((name) => name.endsWith('.bin')) };
}

/** A module's text with the HTML it reads from the cache (outlineHtml) put back: what the brief renders. */
const rendered = (code: string) =>
	code.replace(/__sourcedReadHtml\("([^"]+)", "utf8"\)/g, (_, file: string) => JSON.stringify(readFileSync(file, 'utf8')));

/** A module built by a build without the line that names its key (every such module ends with it, once). */
function withoutKey(code: string): string {
	const line = /\nexport const __sourcedKey = "[0-9a-f]+";\n$/;
	expect(code).toMatch(line);
	return code.replace(line, '');
}

describe('compiled briefs kept between builds', () => {
	let site: ReturnType<typeof project>;
	beforeEach(() => {
		site = project();
	});

	it('reuses an unchanged brief on the next build: the same module, and the same findings for the build', async () => {
		const first = await site.build();
		const code = await first.compile();
		expect(first.mdxCache.counts).toEqual({ compiled: 1, kept: 0 });
		expect(rendered(code)).toContain('Klein');

		const second = await site.build();
		expect(await second.compile()).toBe(code);
		expect(second.mdxCache.counts).toEqual({ compiled: 0, kept: 1 });
		// What the plugins found reaches the build's hooks although they did not run: the search records, the reference report, the anchors.
		expect(first.collector.cited()).toEqual(new Map([[site.config.citations.bibliography, new Set(['klein2020', 'lee2018'])]]));
		expect(first.collector.anchors().get('brief')?.anchors).toHaveProperty('payments');
		expect(second.collector.cited()).toEqual(first.collector.cited());
		expect([...second.collector.sources().values()][0]?.published).toEqual(FRONTMATTER.published);
		expect(second.collector.sources()).toEqual(first.collector.sources());
		expect(second.collector.anchors()).toEqual(first.collector.anchors());
	});

	it('compiles the brief again when its text, its frontmatter, its bibliography or its published anchors change', async () => {
		await (await site.build()).compile();

		const edited = await site.build();
		expect(rendered(await edited.compile(BRIEF.replace('phones', 'mobile phones')))).toContain('mobile phones');
		expect(edited.mdxCache.counts.compiled).toBe(1);

		const retitled = await site.build();
		await retitled.compile(BRIEF, { ...FRONTMATTER, title: 'Another title' });
		expect(retitled.mdxCache.counts.compiled).toBe(1);

		// The bibliography gives Klein's work another year: the citation must say so.
		const bib = path.join(site.content, 'bibliography.bib');
		writeFileSync(bib, readFileSync(bib, 'utf8').replace(/(\{klein2020,[^@]*?year = \{)2020/, '$12019'));
		const rebibbed = await site.build();
		expect(rendered(await rebibbed.compile())).toMatch(/Klein 2019/);
		expect(rebibbed.mdxCache.counts.compiled).toBe(1);

		// A heading the manifest says was published under another id keeps it: the manifest is an input too.
		writeFileSync(
			path.join(site.content, 'anchors.json'),
			JSON.stringify({
				briefs: { brief: { anchors: { 'old-payments': { kind: 'heading', text: 'Payments' } }, aliases: {}, retired: [] } },
			}),
		);
		const reanchored = await site.build();
		await reanchored.compile();
		expect(reanchored.mdxCache.counts.compiled).toBe(1);
	});

	it("takes the brief's HTML out of its module, and keeps the file as long as the module", async () => {
		const first = await site.build();
		const code = await first.compile();
		expect(code).not.toContain('Klein');
		const files = [...code.matchAll(/__sourcedReadHtml\("([^"]+)"/g)].map((m) => m[1]!);
		expect(files).toHaveLength(1);
		expect(readFileSync(files[0]!, 'utf8')).toMatch(/^<div class="section-head"><h2 id="payments".*Klein.*Sandboxes/s);

		const second = await site.build();
		expect(await second.compile()).toBe(code);
		expect(second.mdxCache.counts).toEqual({ compiled: 0, kept: 1 });

		// Its HTML gone (a cache cleaned by hand), the kept module is not used: the brief is compiled again.
		rmSync(files[0]!);
		const third = await site.build();
		expect(await third.compile()).toBe(code);
		expect(third.mdxCache.counts).toEqual({ compiled: 1, kept: 0 });
		expect(site.files()).toEqual(expect.arrayContaining([path.basename(files[0]!)]));

		// An edited brief: its old module is forgotten at once; its HTML, which another build sharing the cache may be
		// rendering from, an hour after a build last used it.
		const fourth = await site.build();
		await fourth.compile(BRIEF.replace('phones', 'mobile phones'));
		fourth.mdxCache.prune();
		expect(site.kept()).toHaveLength(1);
		expect(site.files()).toContain(path.basename(files[0]!));
		const later = await site.build();
		await later.compile(BRIEF.replace('phones', 'mobile phones'));
		later.mdxCache.prune(Date.now() + 61 * 60 * 1000);
		expect(site.files()).toHaveLength(2);
		expect(site.files()).not.toContain(path.basename(files[0]!));
	});

	it('keeps the HTML in the module when its file cannot be written, and in `astro dev`', async () => {
		const code = await (await site.build()).compile();
		const file = code.match(/__sourcedReadHtml\("([^"]+)"/)![1]!;
		for (const name of site.files()) rmSync(path.join(path.dirname(file), name));
		// A folder where the file should go: the write fails as on a full disk.
		mkdirSync(file);
		const blocked = await site.build();
		const whole = await blocked.compile();
		expect(whole).not.toContain('__sourcedReadHtml');
		expect(whole).toContain('Klein');
		expect(site.kept()).toEqual([]);

		const dev = await site.build(false);
		// The same module, but for the line naming its key, which a build adds (its HTML kept in it or not) and `astro dev` does not.
		expect(await dev.compile()).toBe(withoutKey(whole));
		expect(site.kept()).toHaveLength(1);
	});

	it('names its key, so that the module changes with its bibliography even when no HTML leaves it', async () => {
		// Astro reuses the pages rendering a brief only while its module is the same (utils/page-key.ts); its page shows what
		// the bibliography says of each source cited, printed in the reference list or not (an ISBN, an abstract). A brief this
		// short keeps its HTML in its module, which would otherwise be the same.
		const short = 'A short brief, citing nothing yet.';
		const before = await (await site.build()).compile(short);
		expect(before).not.toContain('__sourcedReadHtml');
		const bib = path.join(site.content, 'bibliography.bib');
		writeFileSync(
			bib,
			readFileSync(bib, 'utf8').replace('@techreport{klein2020,', '@techreport{klein2020,\n  isbn = {978-0-00-000000-2},'),
		);
		const after = await (await site.build()).compile(short);
		expect(after).not.toBe(before);
		expect(withoutKey(after)).toBe(withoutKey(before));
		// Not in `astro dev`, where no page is reused.
		expect(await (await site.build(false)).compile(short)).not.toMatch(/__sourcedKey/);
	});

	it('never keeps a brief that fails, and forgets what a build did not use', async () => {
		const first = await site.build();
		await expect(first.compile('Cites a key that is not there [@nosuchkey2020].')).rejects.toThrow(/nosuchkey2020/);
		await first.compile();
		const second = await site.build();
		await expect(second.compile('Cites a key that is not there [@nosuchkey2020].')).rejects.toThrow(/nosuchkey2020/);

		await second.compile(BRIEF.replace('phones', 'mobile phones'));
		expect(site.kept()).toHaveLength(2);
		second.mdxCache.prune();
		expect(site.kept()).toHaveLength(1);
	});
	it('compiles two briefs at a time when the bundler asks for many at once, and finishes every one', async () => {
		// The bundler asks for every module at once; a compile that awaits (the syntax highlighter's first start) would
		// otherwise let every brief's trees pile up in memory (COMPILE_SLOTS).
		let running = 0;
		let most = 0;
		const mdxCache = new MdxCache(site.config, undefined);
		const renderer = await mdxCache.wrap(() =>
			Promise.resolve({
				process: async (content: string) => {
					running++;
					most = Math.max(most, running);
					await new Promise((resolve) => setImmediate(resolve));
					running--;
					return { code: `export default ${JSON.stringify(content)};`, metadata: {} } as never;
				},
			}),
		)({}, {} as never);
		const texts = Array.from({ length: 7 }, (_, i) => `Brief ${i}.`);
		const codes = await Promise.all(texts.map((text) => renderer.process(text, site.file, { ...FRONTMATTER })));
		expect(codes.map(({ code }) => withoutKey(code))).toEqual(texts.map((text) => `export default ${JSON.stringify(text)};`));
		expect(most).toBe(COMPILE_SLOTS);
		expect(mdxCache.counts).toEqual({ compiled: 7, kept: 0 });
	});
});

describe('briefs compiled on a second thread', () => {
	let site: ReturnType<typeof project>;
	beforeEach(() => {
		site = project();
	});

	/** A module that says where it was compiled, and findings that say the same. */
	const moduleOf = (where: string, content: string) => ({ code: `export default ${JSON.stringify(`${where}: ${content}`)};` }) as never;

	/**
	 * A build's cache over a renderer that compiles here and a thread that
	 * compiles there (or cannot: `unavailable`), with the briefs each took.
	 */
	async function compileMany(count: number, { unavailable = false } = {}) {
		const collector = new BuildCollector();
		const taken = { here: 0, there: 0 };
		/** Briefs in hand now, and the most at once, on each side. */
		const now = { here: 0, there: 0 };
		const most = { here: 0, there: 0 };
		const hold = async (side: 'here' | 'there') => {
			most[side] = Math.max(most[side], ++now[side]);
			await new Promise((resolve) => setImmediate(resolve));
			now[side]--;
		};
		let available = true;
		const thread: BriefThread = {
			get available() {
				return available;
			},
			running: true,
			compile: async (_shared, _mdx, content, filePath) => {
				await hold('there');
				if (unavailable) {
					available = false;
					throw new ThreadUnavailable();
				}
				taken.there++;
				return { compiled: moduleOf('there', content), collected: { warnings: [`${path.basename(filePath)}: from the thread`] } };
			},
			close: () => Promise.resolve(),
		};
		const mdxCache = new MdxCache(site.config, collector, true, thread);
		const renderer = await mdxCache.wrap(() =>
			Promise.resolve({
				process: async (content: string) => {
					await hold('here');
					taken.here++;
					return moduleOf('here', content);
				},
			}),
		)({}, {} as never);
		const files = Array.from({ length: count }, (_, i) => path.join(site.content, 'briefs', `brief-${i}.mdx`));
		const codes = await Promise.all(files.map((file, i) => renderer.process(`Brief ${i}.`, file, { ...FRONTMATTER })));
		return { codes: codes.map(({ code }) => code), taken, most, collector, files, mdxCache };
	}

	it('gives briefs to the thread when many wait at once, and the build has what each brief left, wherever it was compiled', async () => {
		const { codes, taken, most, collector, files, mdxCache } = await compileMany(THREAD_MIN + 8);
		expect(taken.there).toBeGreaterThan(0);
		expect(taken.here).toBeGreaterThan(0);
		// Never more in hand than each side is given: the thread's share, and two at a time here.
		expect(most).toEqual({ here: COMPILE_SLOTS, there: THREAD_SLOTS });
		expect(taken.here + taken.there).toBe(THREAD_MIN + 8);
		codes.forEach((code, i) => expect(code).toMatch(new RegExp(`"(here|there): Brief ${i}\\."`)));
		const there = files.filter((_, i) => codes[i]!.includes('there:'));
		expect(there).toHaveLength(taken.there);
		for (const file of there) expect(collector.of(file)?.warnings).toEqual([`${path.basename(file)}: from the thread`]);
		expect(mdxCache.counts).toEqual({ compiled: THREAD_MIN + 8, kept: 0 });
	});

	it('compiles a few briefs here: a thread is not worth starting for them', async () => {
		const { taken } = await compileMany(3);
		expect(taken).toEqual({ here: 3, there: 0 });
	});

	it('compiles here a brief the thread cannot take, and every brief after it', async () => {
		const { codes, taken, most } = await compileMany(THREAD_MIN + 8, { unavailable: true });
		expect(taken).toEqual({ here: THREAD_MIN + 8, there: 0 });
		expect(most.here).toBe(COMPILE_SLOTS);
		codes.forEach((code, i) => expect(withoutKey(code)).toBe(`export default ${JSON.stringify(`here: Brief ${i}.`)};`));
	});

	it('tells a build from nothing, which starts the thread early, from a build over kept briefs, which does not', async () => {
		const site = project();
		const briefs = path.join(site.content, 'briefs');
		mkdirSync(path.join(briefs, 'more'), { recursive: true });
		const write = (count: number) => {
			for (let i = 0; i < count; i++) writeFileSync(path.join(briefs, i % 2 ? 'more' : '', `b${i}.mdx`), BRIEF);
		};
		const { mdxCache, compile } = await site.build();
		write(THREAD_MIN - 1);
		expect(mdxCache.compilesMany()).toBe(false);
		write(THREAD_MIN);
		expect(mdxCache.compilesMany()).toBe(true);
		// Compiled once, kept: a build over them compiles at most a few.
		for (let i = 0; i < THREAD_MIN; i++) await compile(`${BRIEF}\nBrief ${i}.\n`);
		expect(mdxCache.compilesMany()).toBe(false);
	});
});

describe('outlineHtml', () => {
	const long = (text: string) => text.repeat(Math.ceil(OUTLINE_MIN / text.length) + 1);
	const module = (html: string) =>
		`function _createMdxContent(props) {\n  return _jsx(Fragment, {\n    "set:html": ${JSON.stringify(html)}\n  });\n}\n`;

	it('moves each long static HTML string to a file the module reads when it renders', () => {
		const html = long('<p id="a">China’s “Internet Plus” \\ a "quoted" line\n</p>');
		const { code, parts } = outlineHtml(module(html) + module(html.toUpperCase()), (i) => `/cache/k.${i}.html`);
		expect(parts).toEqual([html, html.toUpperCase()]);
		expect(code).toBe(
			module('').replace('""', '__sourcedReadHtml("/cache/k.0.html", "utf8")') +
				module('').replace('""', '__sourcedReadHtml("/cache/k.1.html", "utf8")') +
				'\nimport { readFileSync as __sourcedReadHtml } from "node:fs";\n',
		);
	});

	it('leaves short strings and strings UTF-8 cannot hold; text that only looks like the property is not one', () => {
		const short = module('<p>Short.</p>');
		const lone = `function f() {\n  return _jsx(Fragment, {\n    "set:html": "${long('<p>\\ud800</p>')}"\n  });\n}\n`;
		for (const code of [short, lone]) expect(outlineHtml(code, () => '/x')).toEqual({ code, parts: [] });

		const html = long('<p>"set:html": "<b>not a property</b>"</p>');
		expect(outlineHtml(module(html), () => '/x').parts).toEqual([html]);
	});
});

describe('the pipeline as Astro digests it', () => {
	it('is the same in a build, which draws sharing cards, as in astro dev, sync and check, which do not: switching keeps the content store', () => {
		const config = resolveConfig({}, { root, cacheDir: 'node_modules/.astro' });
		// Astro writes the processor (its plugins and their options) into the digest of its content store, as JSON.
		const inBuild = markdownProcessor({
			config,
			stage: new CitationStage(),
			collector: new BuildCollector(),
			painter: { paint: () => {} },
		});
		const elsewhere = markdownProcessor({ config, stage: new CitationStage(), collector: new BuildCollector() });
		expect(JSON.stringify(inBuild)).toBe(JSON.stringify(elsewhere));
		expect(JSON.stringify(inBuild)).toContain('"site":"Sourced"');
	});
});
