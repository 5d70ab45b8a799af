import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { manifestPath } from '../anchors/manifest.ts';
import type { CitationStage } from '../citations/stage.ts';
import { rehypeCollect, type BuildCollector } from '../integration/collector.ts';
import type { SourcedConfig } from '../integration/config.ts';
import type { CardPainter } from '../sharing/painter.ts';
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
import type { MdxCache } from './mdx-cache.ts';
import { rehypeMdxHtml } from './rehype-mdx-html.ts';
import { rehypePassages } from './rehype-passages.ts';
import { rehypeReferences } from './rehype-references.ts';
import { rehypeSharingCard } from './rehype-sharing-card.ts';
import { rehypeTableScroll } from './rehype-table-scroll.ts';
import { remarkCitations } from './remark-citations.ts';
import { remarkReadingTime } from './remark-reading-time.ts';
import { remarkSettings } from './remark-settings.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { codeVersion } from '../utils/code-version.ts';

/** A plugin with its options, as unified takes it. */
const withOptions = <T, R>(plugin: (options: T) => R, options: T): [(options: T) => R, T] => [plugin, options];

/** What one build's pipeline is made with: the site's configuration, the build's citation stage, and where plugins hand their findings. */
export interface PipelineContext {
	config: SourcedConfig;
	stage: CitationStage;
	/** Takes each brief's `file.data` after the last plugin (integration/collector.ts); none when plugins run alone (tests). */
	collector?: BuildCollector | undefined;
	/** Keeps each compiled brief between builds (plugins/mdx-cache.ts); none when plugins run alone (tests). */
	mdxCache?: MdxCache | undefined;
	/** Draws each compiled brief's sharing card on another thread (sharing/painter.ts); only in a build. */
	painter?: Pick<CardPainter, 'paint'> | undefined;
}

/**
 * The Markdown pipeline of every brief. Order matters: citations are read
 * and formatted before smart punctuation, which would change what the
 * author typed (a key "doe99's" is not "doe99’s"); figures and tables are
 * captioned and numbered before blocks get ids (a captioned table is a block
 * named "Table 1"); headings and blocks get ids before citations are named
 * after them; the reference list is built from what rehype-citation placed;
 * tables get their scroll box last. Plugins leave what the build needs on
 * `file.data` (file-data.d.ts), which the last one hands to the collector.
 */
export const remarkPluginsWith = ({ config, stage }: PipelineContext) => [
	withOptions(remarkSettings, config),
	remarkReadingTime,
	remarkGfm,
	withOptions(remarkCitations, { stage, strictVerification: config.citations.strictVerification }),
	remarkSmartPunctuation,
];

/** The painter of a pipeline that draws no sharing card (outside a build). */
const NO_PAINTER: Pick<CardPainter, 'paint'> = { paint: () => {} };

export const rehypePluginsWith = ({ config, stage, collector, painter }: PipelineContext) => [
	rehypeMdxHtml,
	rehypeHeadingIds,
	withOptions(rehypeFigures, { base: config.site.base }),
	rehypeFigureRefs,
	withOptions(rehypeBlockIds, { manifest: manifestPath(config.paths.content) }),
	rehypeCitations,
	rehypeCitationIds,
	withOptions(rehypeReferences, { config, stage }),
	withOptions(rehypeCiteSections, { stage, site: config.site }),
	rehypeFootnoteLinks,
	withOptions(rehypeAnchorManifest, { manifest: manifestPath(config.paths.content) }),
	// Evidence, after the anchor manifest so that it never moves an anchor: web sources without access dates, quoted passages, corrections.
	withOptions(rehypeAccess, { stage }),
	withOptions(rehypePassages, { stage }),
	rehypeCorrections,
	rehypeLinkButtons,
	rehypeTableScroll,
	rehypeExternalLinks,
	// In every pipeline, drawing nothing outside a build: Astro writes the pipeline into the digest of its content store, which a
	// list one plugin shorter in `astro dev`, `astro sync` and `astro check` made differ from a build's, clearing the store each time.
	withOptions(rehypeSharingCard, { painter: painter ?? NO_PAINTER, site: config.site.name }),
	...(collector ? [rehypeCollect(collector)] : []),
];

export const remarkRehypeOptions = {
	footnoteLabel: strings.notes,
	footnoteLabelProperties: { className: ['footnotes-heading'] },
	// Footnote ids are the author's names for them (`fn-why`), without "user-content-".
	clobberPrefix: '',
};

/** The Markdown processor of one build (Astro's `markdown.processor`, which MDX inherits), made by the sourced() integration. */
export function markdownProcessor(context: PipelineContext) {
	const processor = unified({
		gfm: false,
		smartypants: false,
		remarkPlugins: remarkPluginsWith(context),
		rehypePlugins: rehypePluginsWith(context),
		remarkRehype: remarkRehypeOptions,
	});
	const { mdxCache } = context;
	if (mdxCache && processor.createMdxRenderer) processor.createMdxRenderer = mdxCache.wrap(processor.createMdxRenderer.bind(processor));
	// The code's version, where Astro's digests of its content store and of its reused pages read it (utils/code-version.ts).
	return Object.assign(processor, { code: codeVersion(context.config.paths.root) });
}
