import { render } from 'astro:content';
import { cslItems, type CslItem } from '../bibliography/csl.ts';
import { loadBibliography, type Source } from '../bibliography/load.ts';
import { resolveCitationSettings } from '../plugins/citation-options.ts';
import type { CitationUse } from '../plugins/rehype-citation-ids.ts';
import type { Brief } from './briefs.ts';
import { withBase } from './url.ts';

export interface BriefSources {
	brief: Brief;
	/** Every place the brief cites something, in reading order. */
	uses: CitationUse[];
	/** The sources it cites, in bibliography order, with their CSL-JSON. */
	sources: { source: Source; csl: CslItem }[];
}

/** What a brief cites, read back from the citation plugins' record of it. */
export async function briefSources(brief: Brief): Promise<BriefSources> {
	const { remarkPluginFrontmatter } = await render(brief);
	const uses = (remarkPluginFrontmatter['citations'] ?? []) as CitationUse[];
	const { bibliography } = resolveCitationSettings(brief.data);
	const all = loadBibliography(bibliography).sources;
	const csl = cslItems(bibliography);
	const cited = new Set(uses.map((use) => use.key));
	const sources = [...all.values()]
		.filter((source) => cited.has(source.key.toLowerCase()))
		.map((source) => ({ source, csl: csl.get(source.key)! }));
	return { brief, uses, sources };
}

export interface SiteSource {
	source: Source;
	csl: CslItem;
	/** Each brief that cites it, with the blocks that do, in reading order. */
	citedIn: { brief: Brief; blocks: CitationUse['block'][] }[];
}

/**
 * What a source is called on its own page: its title, as typeset in the
 * reference list (’ for an apostrophe), or, for an untitled source, its
 * author and year ("Attrey 2020").
 */
export function sourceTitle({ csl, source }: Pick<SiteSource, 'csl' | 'source'>): string {
	if (csl.title) return csl.title.replace(/(\p{L})'(\p{L})/gu, '$1’$2');
	const who = csl.author?.[0] ?? csl.editor?.[0];
	const year = csl.issued?.['date-parts']?.[0]?.[0];
	return [who?.family ?? who?.literal, year].filter(Boolean).join(' ') || source.key;
}

/**
 * The path segment of a source's own page: its key lower-cased, with any
 * character that cannot stand in a path segment on every host (`/`, `:`, `+`…) as `-`.
 */
export const sourceSlug = (key: string) => key.toLowerCase().replace(/[^\p{L}\p{N}._-]/gu, '-');

/** The page of its own that a source has, listing every brief citing it. */
export const sourceUrl = (source: Source) => withBase(`/references/${sourceSlug(source.key)}/`);

/** Every source cited anywhere on the site, once, sorted by its formatted author and year. */
export async function allSources(briefs: Brief[]): Promise<SiteSource[]> {
	const byKey = new Map<string, SiteSource>();
	for (const brief of briefs) {
		const { uses, sources } = await briefSources(brief);
		for (const { source, csl } of sources) {
			const id = `${source.entry.line}:${source.key}:${resolveCitationSettings(brief.data).bibliography}`;
			const entry = byKey.get(id) ?? { source, csl, citedIn: [] };
			const blocks = [...new Map(uses.filter((u) => u.key === source.key.toLowerCase()).map((u) => [u.block.id, u.block])).values()];
			entry.citedIn.push({ brief, blocks });
			byKey.set(id, entry);
		}
	}
	const sortKey = ({ csl }: SiteSource) =>
		`${csl.author?.[0]?.family ?? csl.author?.[0]?.literal ?? csl.editor?.[0]?.family ?? csl.title ?? ''} ${csl.issued?.['date-parts']?.[0]?.[0] ?? ''}`;
	return [...byKey.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
