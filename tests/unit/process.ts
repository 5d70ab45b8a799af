import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { resolveConfig } from '../../src/integration/config.ts';
import { CitationStage } from '../../src/citations/stage.ts';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from '../../src/plugins/index.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** The site's configuration with every default, over this project (as `sourced()` resolves it in a build). */
export const config = resolveConfig({}, { root: path.join(import.meta.dirname, '../..'), cacheDir: 'node_modules/.astro' });

/** A citation stage that keeps its work in memory. */
export const stage = new CitationStage();

/** The site's own remark and rehype plugins, with the real rehype-citation, built once. */
const processor = unified()
	.use(remarkParse)
	.use(remarkPlugins)
	.use(remarkRehype, remarkRehypeOptions)
	.use(rehypePlugins)
	.use(rehypeStringify);

/** Markdown in, HTML out. */
export async function render(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<string> {
	return String(await renderFile(markdown, frontmatter));
}

/** Markdown in, the processed file out: its value is the HTML, its messages the warnings. */
export function renderFile(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<VFile> {
	const file = new VFile({
		value: markdown,
		path: path.join(fixtures, 'brief.mdx'),
		data: { astro: { frontmatter: { bibliography: path.join(fixtures, 'sources.bib'), ...frontmatter } } },
	});
	return processor.process(file);
}
