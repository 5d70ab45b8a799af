import path from 'node:path';
import { renderMdx, type Rendered } from '../helpers/mdx.ts';

export { config, stage } from '../helpers/mdx.ts';

export const fixtures = path.join(import.meta.dirname, 'fixtures');

/** The brief the unit tests render: tests/unit/fixtures/brief.mdx, citing tests/unit/fixtures/sources.bib. */
const brief = (markdown: string, frontmatter: Record<string, unknown>) =>
	renderMdx(markdown, path.join(fixtures, 'brief.mdx'), { bibliography: path.join(fixtures, 'sources.bib'), ...frontmatter });

/** MDX in, HTML out, through the production pipeline (tests/helpers/mdx.ts). */
export async function render(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<string> {
	return (await brief(markdown, frontmatter)).html;
}

/** MDX in, the HTML and the warnings out. */
export function renderFile(markdown: string, frontmatter: Record<string, unknown> = {}): Promise<Rendered> {
	return brief(markdown, frontmatter);
}
