import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeCitationParents } from '../../src/plugins/rehype-citation-parents.ts';
import { rehypeCitations } from '../../src/plugins/rehype-citations.ts';
import { rehypeReferences } from '../../src/plugins/rehype-references.ts';
import { remarkCitationLint } from '../../src/plugins/remark-citation-lint.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');

const processor = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkCitationLint)
	.use(remarkRehype, { clobberPrefix: '' })
	.use(rehypeCitationParents)
	.use(rehypeCitations)
	.use(rehypeReferences)
	.use(rehypeStringify);

/** Markdown in, HTML out, through our citation plugins and the real rehype-citation. */
export async function render(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<string> {
	const file = new VFile({
		value: markdown,
		path: path.join(fixtures, 'brief.mdx'),
		data: { astro: { frontmatter: { bibliography: path.join(fixtures, 'sources.bib'), ...frontmatter } } },
	});
	return String(await processor.process(file));
}
