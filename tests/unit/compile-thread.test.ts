import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markdownConfigDefaults, parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { CitationStage } from '../../src/citations/stage.ts';
import { BuildCollector } from '../../src/integration/collector.ts';
import { resolveConfig } from '../../src/integration/config.ts';
import { CompileThread, ThreadUnavailable } from '../../src/plugins/compile-thread.ts';
import { markdownProcessor } from '../../src/plugins/index.ts';
import type { CardText } from '../../src/sharing/card.ts';
import { root } from '../helpers/build.ts';

// The real pipeline on a second thread (compile-thread.ts), against the same pipeline on this one, as a build runs them.
const config = resolveConfig({}, { root, cacheDir: mkdtempSync(path.join(tmpdir(), 'sourced-compile-thread-')) });
const shared = { syntaxHighlight: markdownConfigDefaults.syntaxHighlight, shikiConfig: markdownConfigDefaults.shikiConfig };
const mdx = { optimize: true, srcDir: new URL('src/', `file://${root}/`), sourcemap: false };

const here = (async () => {
	const collector = new BuildCollector();
	const cards: CardText[] = [];
	const processor = markdownProcessor({
		config,
		stage: new CitationStage({ cacheDir: config.paths.cache, locale: config.citations.locale }),
		collector,
		painter: { paint: (card) => cards.push(card) },
	});
	return { renderer: await processor.createMdxRenderer!(shared, mdx), collector, cards };
})();

const threadCards: CardText[] = [];
const thread = new CompileThread(config, (card) => threadCards.push(card));
afterAll(() => thread.close());

/** A brief as the MDX plugin hands it over: its text without the frontmatter, and the frontmatter as Astro reads it. */
function brief(file: string) {
	const parsed = parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-spaces' });
	return { content: parsed.content, frontmatter: { ...parsed.frontmatter } };
}

describe('briefs compiled on the compile thread', () => {
	it('compile to the same module, with the same findings for the build and the same sharing card, as on the build’s thread', async () => {
		const file = path.join(root, 'content/briefs/internet-plus.mdx');
		const { content, frontmatter } = brief(file);
		const local = await here;
		const mine = await local.renderer.process(content, file, { ...frontmatter });
		const theirs = await thread.compile(shared, mdx, content, file, { ...frontmatter });

		expect(theirs.compiled.code).toBe(mine.code);
		expect(theirs.compiled.astroMetadata).toEqual(mine.astroMetadata);
		expect(theirs.collected).toEqual(local.collector.of(file));
		// What the build reports comes from these: the brief's anchors, the keys it cites, where it cites each source.
		expect(theirs.collected?.anchors?.slug).toBe('internet-plus');
		expect(theirs.collected?.cited?.keys.length).toBeGreaterThan(5);
		await expect.poll(() => threadCards).toEqual(local.cards);
		expect(threadCards[0]?.title).toBe(frontmatter['title']);
	});

	it('stops a brief with the error the build’s thread would throw: its message, and MDX’s line and column', async () => {
		const file = path.join(root, 'content/briefs/problem.mdx');
		const frontmatter = { ...brief(path.join(root, 'content/briefs/internet-plus.mdx')).frontmatter };
		for (const [content, located] of [
			['Cites a key that is not there [@nosuchkey2020].\n', false],
			['An expression that never ends {1 +\n', true],
		] as const) {
			const local = await (await here).renderer.process(content, file, { ...frontmatter }).then(
				() => undefined,
				(error: unknown) => error as Error & { line?: number; column?: number },
			);
			const theirs = await thread.compile(shared, mdx, content, file, { ...frontmatter }).then(
				() => undefined,
				(error: unknown) => error as Error & { line?: number; column?: number },
			);
			expect(local).toBeInstanceOf(Error);
			expect(theirs).toBeInstanceOf(Error);
			expect(theirs).not.toBeInstanceOf(ThreadUnavailable);
			expect(theirs!.message).toBe(local!.message);
			expect(theirs!.name).toBe(local!.name);
			expect([theirs!.line, theirs!.column]).toEqual([local!.line, local!.column]);
			// MDX's own syntax error carries its place as properties, which the thread's error must keep.
			if (located) expect(theirs!.line).toBeTypeOf('number');
		}
	});

	it('hands back the briefs it still has when it is closed, and takes none after', async () => {
		const own = new CompileThread(config);
		const { content, frontmatter } = brief(path.join(root, 'content/briefs/internet-plus.mdx'));
		const pending = own.compile(shared, mdx, content, 'a.mdx', { ...frontmatter });
		expect(own.running).toBe(true);
		const handedBack = expect(pending).rejects.toBeInstanceOf(ThreadUnavailable);
		await own.close();
		await handedBack;
		expect(own.available).toBe(false);
		expect(own.running).toBe(false);
		await expect(own.compile(shared, mdx, content, 'b.mdx', { ...frontmatter })).rejects.toBeInstanceOf(ThreadUnavailable);
	});

	it('says it cannot take briefs whose options no message can carry, and takes none after', async () => {
		const own = new CompileThread(config);
		try {
			await expect(own.compile({ ...shared, remarkPlugins: [() => () => {}] }, mdx, 'Text.', 'x.mdx', {})).rejects.toBeInstanceOf(
				ThreadUnavailable,
			);
			expect(own.available).toBe(false);
		} finally {
			await own.close();
		}
	});
});
