import type { VFile } from 'vfile';
import { frontmatterOf } from './frontmatter.ts';
import type { CitedBlock, CitationUse } from './rehype-citation-ids.ts';

/**
 * What the plugins hand a brief's pages. Astro has one way from a plugin to
 * a page: the brief's frontmatter as the plugins leave it, which `render()`
 * returns as `remarkPluginFrontmatter`, untyped. These two keys are written
 * and read here only, and checked where the page reads them.
 */
export interface PageData {
	/** Every use of a source, with its block (rehype-citation-ids): the source model's "cited in". */
	citations: CitationUse[];
	/** The notes that can be shown beside their reference (rehype-footnote-links; components/Sidenotes.astro). */
	sidenotes: string[];
	/** Minutes to read the brief (remark-reading-time; components/BriefHeader.astro). */
	minutes: number;
}

/** Hands the brief's citation uses to its pages, packed (packUses: a quarter of a compiled brief, as objects). */
export function handCitationsToPage(file: VFile, uses: CitationUse[]): void {
	frontmatterOf(file)['citations'] = packUses(uses);
}

/** Hands the brief's reading time, in minutes, to its page. */
export function handReadingTimeToPage(file: VFile, minutes: number): void {
	frontmatterOf(file)['minutes'] = minutes;
}

/** Hands the names of the brief's sidenotes to its page. */
export function handSidenotesToPage(file: VFile, names: string[]): void {
	frontmatterOf(file)['sidenotes'] = names;
}

/**
 * What the plugins handed the page (`remarkPluginFrontmatter`). A brief the
 * plugins did not see through (none of its citations or notes) hands nothing,
 * and gets none; its reading time it always has. Anything else than what
 * they write is an error, not a guess.
 */
export function pageDataOf(frontmatter: Record<string, unknown>): PageData {
	const { citations, sidenotes, minutes } = frontmatter;
	if (citations !== undefined && typeof citations !== 'string')
		throw new TypeError(
			`A brief's citation uses reached its page as ${typeof citations}, not as the string rehype-citation-ids packs them in.`,
		);
	if (sidenotes !== undefined && !(Array.isArray(sidenotes) && sidenotes.every((name) => typeof name === 'string')))
		throw new TypeError("A brief's sidenotes reached its page as something else than the list of names rehype-footnote-links writes.");
	if (!(typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1))
		throw new TypeError(
			`A brief's reading time reached its page as ${JSON.stringify(minutes)}, not as the minutes remark-reading-time counts.`,
		);
	return { citations: unpackUses(citations), sidenotes: sidenotes ?? [], minutes };
}

/** Uses as one JSON string: each block once, each use as [key, id, block's index, quotes?]. */
interface PackedUses {
	blocks: CitedBlock[];
	uses: [key: string, id: string, block: number, quotes?: string[]][];
}

/**
 * A brief's citation uses as they travel to its pages, in the compiled
 * brief's `frontmatter` export: one JSON string, each block written once.
 * Written out as objects, they were a quarter of a compiled brief (33 of
 * 118 KB for the real one), bundled and loaded once per brief.
 */
export function packUses(uses: CitationUse[]): string {
	const index = new Map<string, number>();
	const packed: PackedUses = { blocks: [], uses: [] };
	for (const use of uses) {
		let at = index.get(use.block.id);
		if (at === undefined) {
			at = packed.blocks.push(use.block) - 1;
			index.set(use.block.id, at);
		}
		packed.uses.push(use.quotes ? [use.key, use.id, at, use.quotes] : [use.key, use.id, at]);
	}
	return JSON.stringify(packed);
}

/** The uses `packUses` wrote (none for a brief with no citations, whose frontmatter has none). */
function unpackUses(packed: string | undefined): CitationUse[] {
	if (packed === undefined) return [];
	const { blocks, uses } = JSON.parse(packed) as PackedUses;
	return uses.map(([key, id, at, quotes]) => ({ key, id, block: blocks[at]!, ...(quotes ? { quotes } : {}) }));
}
