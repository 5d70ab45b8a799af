import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { beforeEach, describe, expect, it } from 'vitest';
import { CitationStage } from '../../src/citations/stage.ts';
import { BuildCollector } from '../../src/integration/collector.ts';
import { resolveConfig } from '../../src/integration/config.ts';
import { markdownProcessor } from '../../src/plugins/index.ts';
import { MdxCache } from '../../src/plugins/mdx-cache.ts';
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
	const build = async () => {
		const collector = new BuildCollector();
		const mdxCache = new MdxCache(config, collector);
		const processor = markdownProcessor({ config, stage: new CitationStage({ cacheDir: config.paths.cache }), collector, mdxCache });
		const renderer = await processor.createMdxRenderer!(
			{ syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig: markdownConfigDefaults.shikiConfig },
			{ optimize: true, srcDir: new URL('src/', `file://${root}/`), sourcemap: false },
		);
		const compile = async (text = BRIEF, frontmatter: Record<string, unknown> = FRONTMATTER) =>
			(await renderer.process(text, file, { ...frontmatter })).code;
		return { collector, mdxCache, compile };
	};
	return { config, content, file, build, kept: () => readdirSync(path.join(dir, 'cache', 'sourced-mdx')) };
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
		expect(code).toContain('Klein');

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
		expect(await edited.compile(BRIEF.replace('phones', 'mobile phones'))).toContain('mobile phones');
		expect(edited.mdxCache.counts.compiled).toBe(1);

		const retitled = await site.build();
		await retitled.compile(BRIEF, { ...FRONTMATTER, title: 'Another title' });
		expect(retitled.mdxCache.counts.compiled).toBe(1);

		// The bibliography gives Klein's work another year: the citation must say so.
		const bib = path.join(site.content, 'bibliography.bib');
		writeFileSync(bib, readFileSync(bib, 'utf8').replace(/(\{klein2020,[^@]*?year = \{)2020/, '$12019'));
		const rebibbed = await site.build();
		expect(await rebibbed.compile()).toMatch(/Klein 2019/);
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
});
