import type { BriefAnchors } from '../anchors/manifest.ts';
import type { CitingBrief } from '../sources/model.ts';
import type { CitationSettings } from './citation-options.ts';
import type { Block } from './rehype-block-ids.ts';
import type { CitationUse } from './rehype-citation-ids.ts';
import type { FigureData } from './rehype-figures.ts';
import type { BriefCitations } from './remark-citations.ts';

/** Named out here: inside `declare module 'vfile'`, `Map` is vfile's own (a source map), not the built-in one. */
type BlocksById = Map<string, Block>;

/**
 * What the Markdown plugins leave on a brief's file, for the plugins after
 * them and for the build (integration/collector.ts). Nothing else carries
 * data out of a plugin.
 */
declare module 'vfile' {
	interface DataMap {
		/** The bibliography, style and locale the brief is formatted with (plugins/remark-settings.ts). */
		citationSettings: CitationSettings;
		/** The keys the brief cites, in its bibliography (remark-citations). */
		cited: { bibliography: string; keys: string[] };
		/** The brief's anchors for content/anchors.json; never a draft's (rehype-anchor-manifest). */
		anchors: { slug: string; record: BriefAnchors };
		/** The brief as the source model reads it (where it cites what), for the search index (rehype-references). */
		sources: { page: string; brief: CitingBrief };
		/** Warnings for the end of the build, each `file:line:column: what. How to fix it.` (utils/build-warnings.ts). */
		warnings: string[];
		/** Cited web sources with neither an access date nor an archived copy, by key (rehype-access). */
		unrecordedAccess: string[];
		/** The brief's formatted reference list and entries, for the rehype plugins (remark-citations). */
		briefCitations: BriefCitations;
		/** Each paragraph, list item, quotation … with an id, by id (rehype-block-ids). */
		blocks: BlocksById;
		/** Every use of a source: which citation, in which block (rehype-citation-ids). */
		citations: CitationUse[];
		/** Numbered figures and tables, their ids, and the mistakes found in them (rehype-figures). */
		figures: FigureData;
	}
}
