import { render } from 'astro:content';
import config from 'virtual:sourced/config';
import type { CslItem } from '../bibliography/csl.ts';
import { loadBibliography, type Source } from '../bibliography/load.ts';
import { pageStage } from '../citations/page-stage.ts';
import { resolveCitationSettings } from '../plugins/citation-options.ts';
import type { CitationUse } from '../plugins/rehype-citation-ids.ts';
import type { Brief } from './briefs.ts';
import { sourceSlug } from './keys.ts';

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
	const { bibliography } = resolveCitationSettings(brief.data, config);
	const all = loadBibliography(bibliography, config.citations).sources;
	const csl = pageStage.items(bibliography);
	const cited = new Set(uses.map((use) => use.key));
	const sources = [...all.values()].filter((source) => cited.has(source.key)).map((source) => ({ source, csl: csl.get(source.key)! }));
	return { brief, uses, sources };
}

export interface SiteSource {
	source: Source;
	csl: CslItem;
	/** The bibliography it comes from. */
	bibliography: string;
	/** Its name in URLs (`/references/<slug>/`, `#source-<slug>`): its key, made safe for a path, unique on the site. */
	slug: string;
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


/** The page of its own that a source has, listing every brief citing it. */
export const sourceUrl = (entry: Pick<SiteSource, 'slug'>) => `/references/${entry.slug}/`;


/** A source's entry as it appears on /references/ and its page: standing alone, with its year letter in its bibliography. */
export function sourceEntryHtml(entry: Pick<SiteSource, 'bibliography' | 'source'>, csl: string): string {
	return pageStage.entries(entry.bibliography, csl, [entry.source.key])[entry.source.key] ?? '';
}

/** Every source cited anywhere on the site, once, sorted by its formatted author and year. */
export async function allSources(briefs: Brief[]): Promise<SiteSource[]> {
	const byKey = new Map<string, SiteSource>();
	for (const brief of briefs) {
		const { uses, sources } = await briefSources(brief);
		const { bibliography } = resolveCitationSettings(brief.data, config);
		for (const { source, csl } of sources) {
			const id = `${source.entry.line}:${source.key}:${bibliography}`;
			let entry = byKey.get(id);
			if (!entry) {
				entry = { source, csl, bibliography, slug: '', citedIn: [] };
				byKey.set(id, entry);
			}
			const blocks = [...new Map(uses.filter((u) => u.key === source.key).map((u) => [u.block.id, u.block])).values()];
			entry.citedIn.push({ brief, blocks });
		}
	}
	const sortKey = ({ csl }: SiteSource) =>
		`${csl.author?.[0]?.family ?? csl.author?.[0]?.literal ?? csl.editor?.[0]?.family ?? csl.title ?? ''} ${csl.issued?.['date-parts']?.[0]?.[0] ?? ''}`;
	const sorted = [...byKey.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.bibliography.localeCompare(b.bibliography));
	for (const entry of sorted) entry.slug = sourceSlug(entry.bibliography, entry.source.key, config.citations.bibliography);
	return sorted;
}
