import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkSmartypants from 'remark-smartypants';
import type { CitationCacheOptions } from '../citations/cache.ts';
import { strings } from '../ui/strings.ts';
import { rehypeAccess } from './rehype-access.ts';
import { rehypeAnchorManifest } from './rehype-anchor-manifest.ts';
import { rehypeBlockIds } from './rehype-block-ids.ts';
import { rehypeCitationIds } from './rehype-citation-ids.ts';
import { rehypeCitations } from './rehype-citations.ts';
import { rehypeCiteSections } from './rehype-cite-sections.ts';
import { rehypeCorrections } from './rehype-corrections.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeFigureRefs } from './rehype-figure-refs.ts';
import { rehypeFigures } from './rehype-figures.ts';
import { rehypeFootnoteLinks } from './rehype-footnote-links.ts';
import { rehypeLinkButtons } from './rehype-link-buttons.ts';
import { rehypeMdxHtml } from './rehype-mdx-html.ts';
import { rehypePassages } from './rehype-passages.ts';
import { rehypeReferences } from './rehype-references.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { remarkCitations } from './remark-citations.ts';

/** A plugin with its options, as unified takes it. */
const withOptions = <T, R>(plugin: (options: T) => R, options: T): [(options: T) => R, T] => [plugin, options];

/**
 * The Markdown pipeline of every brief. Order matters: citations are read
 * and formatted before smart punctuation, which would change what the
 * author typed (a key "doe99's" is not "doe99’s"); figures and tables are
 * captioned and numbered before blocks get ids (a captioned table is a block
 * named "Table 1"); headings and blocks get ids before citations are named
 * after them; the reference list is built from what rehype-citation placed;
 * tables get their scroll box last. `options.cacheDir` keeps formatted
 * citations between builds (integrations/citation-stage.ts sets it).
 */
export const remarkPluginsWith = (options: CitationCacheOptions = {}) => [
	remarkGfm,
	withOptions(remarkCitations, options),
	// remark-smartypants types its transformer for any node; it runs on the document root like the others.
	remarkSmartypants as unknown as () => Transformer<Root>,
];

export const remarkPlugins = remarkPluginsWith();

export const rehypePluginsWith = (options: CitationCacheOptions = {}) => [
	rehypeMdxHtml,
	rehypeHeadingIds,
	rehypeFigures,
	rehypeFigureRefs,
	rehypeBlockIds,
	rehypeCitations,
	rehypeCitationIds,
	rehypeReferences,
	withOptions(rehypeCiteSections, options),
	rehypeFootnoteLinks,
	rehypeAnchorManifest,
	// Evidence, after the anchor manifest so that it never moves an anchor: web sources without access dates, quoted passages, corrections.
	rehypeAccess,
	rehypePassages,
	rehypeCorrections,
	rehypeLinkButtons,
	rehypeTableScroll,
	rehypeExternalLinks,
];

export const rehypePlugins = rehypePluginsWith();

export const remarkRehypeOptions = {
	footnoteLabel: strings.notes,
	footnoteLabelProperties: { className: ['footnotes-heading'] },
	// Footnote ids are the author's names for them (`fn-why`), without "user-content-".
	clobberPrefix: '',
};

export const markdownProcessor = (options: CitationCacheOptions = {}) =>
	unified({ gfm: false, smartypants: false, remarkPlugins: remarkPluginsWith(options), rehypePlugins: rehypePluginsWith(options), remarkRehype: remarkRehypeOptions });
