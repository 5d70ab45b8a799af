import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { strings } from '../ui/strings.ts';
import { rehypeAnchorManifest } from './rehype-anchor-manifest.ts';
import { rehypeBlockIds } from './rehype-block-ids.ts';
import { rehypeCitationIds } from './rehype-citation-ids.ts';
import { rehypeCitationParents } from './rehype-citation-parents.ts';
import { rehypeCitations } from './rehype-citations.ts';
import { rehypeCiteSections } from './rehype-cite-sections.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeFigureRefs } from './rehype-figure-refs.ts';
import { rehypeFigures } from './rehype-figures.ts';
import { rehypeFootnoteLinks } from './rehype-footnote-links.ts';
import { rehypeLinkButtons } from './rehype-link-buttons.ts';
import { rehypeMdxHtml } from './rehype-mdx-html.ts';
import { rehypeReferences } from './rehype-references.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { remarkCitationLint } from './remark-citation-lint.ts';

/**
 * The Markdown pipeline of every brief. Order matters: the lint runs before
 * rehype-citation (which would leave a bad key as text); figures and tables
 * are captioned and numbered before blocks get ids (a captioned table is a
 * block named "Table 1"), and headings and blocks get ids before citations
 * are named after them; the reference list is built from what
 * rehype-citation produced; tables get their scroll box last.
 */
export const remarkPlugins = [remarkGfm, remarkCitationLint];

export const rehypePlugins = [
	rehypeMdxHtml,
	rehypeHeadingIds,
	rehypeFigures,
	rehypeFigureRefs,
	rehypeBlockIds,
	rehypeCitationParents,
	rehypeCitations,
	rehypeCitationIds,
	rehypeReferences,
	rehypeCiteSections,
	rehypeFootnoteLinks,
	rehypeAnchorManifest,
	rehypeLinkButtons,
	rehypeTableScroll,
	rehypeExternalLinks,
];

export const remarkRehypeOptions = {
	footnoteLabel: strings.notes,
	footnoteLabelProperties: { className: ['footnotes-heading'] },
	// Footnote ids are the author's names for them (`fn-why`), without "user-content-".
	clobberPrefix: '',
};

export const markdownProcessor = () =>
	unified({ gfm: false, remarkPlugins, rehypePlugins, remarkRehype: remarkRehypeOptions });
