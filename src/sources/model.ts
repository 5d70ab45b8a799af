import type { CslItem } from '../bibliography/csl.ts';
import type { Source } from '../bibliography/load.ts';
import type { CitationStage } from '../citations/stage.ts';
import { resolveCitationSettings, type CitationConfig } from '../plugins/citation-options.ts';
import type { CitationUse, CitedBlock } from '../plugins/rehype-citation-ids.ts';
import { calendarDate } from '../schemas/brief.ts';
import { sourceSlug } from '../utils/keys.ts';

/**
 * The source model: each source the site cites, built once from parsed data
 * (the brief schema's fields, the bibliography's entries, the citation
 * plugins' record of where each brief cites what), for everything that lists
 * sources: /references/, the sources' own pages, the search records
 * (integrations/source-records.ts) and each brief's JSON-LD and Highwire
 * tags. A brief's own reference list is written by rehype-references from the
 * same entry markup (sources/entry.ts).
 */

/** A brief as the source model needs it. */
export interface CitingBrief {
	slug: string;
	title: string;
	topics: string[];
	/** Its publication date as the brief schema reads it: the briefs citing a source are listed newest first. */
	published: Date;
	/** The bibliography its keys name (absolute path). */
	bibliography: string;
	/** Every place it cites a source, in reading order (plugins/rehype-citation-ids.ts). */
	uses: CitationUse[];
}

/** One brief citing a source. */
export interface Citing {
	brief: CitingBrief;
	/** The blocks that cite it, in reading order, each once. */
	blocks: CitedBlock[];
	/** The passages they quote from it, in reading order. */
	quotes: string[];
}

/** Who, when and what, for a search result's title line and a source's page. */
export interface ShortTitle {
	/** "Klein 2020", "Gordon and Nouwens 2023", "Lee et al. 2018", "McKinsey Global Institute n.d.". */
	lead: string;
	/** Its title as typeset (’ for an apostrophe), or '' for an untitled work. */
	title: string;
}

/**
 * A source as the site knows it: a work of one bibliography (key, parsed
 * entry, verification status and note, link, CSL-JSON), its name in URLs,
 * its short title, its entry as formatted, and every brief citing it.
 */
export interface SiteSource extends Source {
	/** The bibliography it comes from (absolute path): one key in two bibliographies names two works. */
	bibliography: string;
	/** Its name in URLs (`/references/<slug>/`, `#source-<slug>`): utils/keys.ts. */
	slug: string;
	shortTitle: ShortTitle;
	/** Its entry standing alone, as HTML, in the site's style, with its year letter in its bibliography. */
	html: string;
	/** Each brief citing it, newest first (then by slug). */
	citedIn: Citing[];
}

/** A brief's record for the source model, from its frontmatter as the schema reads it (pages: `brief.data`; plugins: the raw frontmatter). */
export function citingBrief(
	slug: string,
	data: { title?: unknown; topics?: unknown; published?: unknown; bibliography?: unknown },
	uses: CitationUse[],
	config: CitationConfig,
): CitingBrief {
	const published = calendarDate.safeParse(data.published);
	return {
		slug,
		title: typeof data.title === 'string' ? data.title : '',
		topics: Array.isArray(data.topics) ? data.topics.filter((topic): topic is string => typeof topic === 'string') : [],
		published: published.success ? published.data : new Date(0),
		bibliography: resolveCitationSettings(data, config).bibliography,
		uses,
	};
}

/** Where a brief cites `key`: its blocks, each once, and the passages quoted. */
export function citing(uses: CitationUse[], key: string): Omit<Citing, 'brief'> {
	const mine = uses.filter((use) => use.key === key);
	return { blocks: [...new Map(mine.map((use) => [use.block.id, use.block])).values()], quotes: mine.flatMap((use) => use.quotes ?? []) };
}

const newestFirst = (a: CitingBrief, b: CitingBrief) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug);

/** What the source model is built with: the site's citation settings and a citation stage (the build's, or the pages' own). */
export interface SourceContext {
	config: CitationConfig;
	stage: CitationStage;
}

/**
 * Every source the briefs cite, once, with the briefs citing it newest
 * first, sorted by author and year (then by entry, so that Knuth 1986a comes
 * before 1986b). The one place that says which briefs cite which source.
 */
export function citedSources(briefs: Iterable<CitingBrief>, { config, stage }: SourceContext): SiteSource[] {
	const bySlug = new Map<string, SiteSource>();
	const read = new Map<string, { sources: Map<string, Source>; items: Map<string, CslItem> }>();
	for (const brief of [...briefs].sort(newestFirst)) {
		let bibliography = read.get(brief.bibliography);
		if (!bibliography) {
			bibliography = { sources: stage.bibliography(brief.bibliography).sources, items: stage.items(brief.bibliography) };
			read.set(brief.bibliography, bibliography);
		}
		const { sources, items } = bibliography;
		for (const key of new Set(brief.uses.map((use) => use.key))) {
			const source = sources.get(key);
			// Unknown keys stopped the build in the citation stage.
			if (!source) continue;
			const slug = sourceSlug(brief.bibliography, key, config.citations.bibliography);
			let entry = bySlug.get(slug);
			if (!entry) {
				const csl = items.get(key) ?? source.csl;
				entry = { ...source, csl, bibliography: brief.bibliography, slug, shortTitle: shortTitle(csl), html: '', citedIn: [] };
				bySlug.set(slug, entry);
			}
			entry.citedIn.push({ brief, ...citing(brief.uses, key) });
		}
	}
	const all = [...bySlug.values()];
	const { csl } = resolveCitationSettings({}, config);
	for (const bibliography of new Set(all.map((entry) => entry.bibliography))) {
		const mine = all.filter((entry) => entry.bibliography === bibliography);
		const html = stage.entries(
			bibliography,
			csl,
			mine.map((entry) => entry.key),
		);
		for (const entry of mine) entry.html = html[entry.key] ?? '';
	}
	return all.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.html.localeCompare(b.html) || a.slug.localeCompare(b.slug));
}

const sortKey = ({ csl }: SiteSource) =>
	`${csl.author?.[0]?.family ?? csl.author?.[0]?.literal ?? csl.editor?.[0]?.family ?? csl.title ?? ''} ${csl.issued?.['date-parts']?.[0]?.[0] ?? ''}`;

type Name = NonNullable<CslItem['author']>[number];
const family = (name: Name) => name.family ?? name.literal ?? '';

/** A source's short title, from its CSL-JSON: "Klein 2020" and "China’s Digital Payments Revolution". */
export function shortTitle(csl: CslItem): ShortTitle {
	const people = (csl.author?.length ? csl.author : (csl.editor ?? [])).map(family).filter(Boolean);
	const who = people.length > 2 ? `${people[0]} et al.` : people.join(' and ');
	const year = csl.issued?.['date-parts']?.[0]?.[0] ?? 'n.d.';
	return { lead: [who, year].filter(Boolean).join(' '), title: (csl.title ?? '').replace(/(\p{L})'(\p{L})/gu, '$1’$2') };
}

/** "Klein 2020. China’s Digital Payments Revolution": a search result's title line. */
export const titleLine = ({ lead, title }: ShortTitle) =>
	title && lead ? `${lead}${lead.endsWith('.') ? '' : '.'} ${title}` : lead || title;

/** What a source is called on its own page: its title, or, for an untitled work, who and when ("Attrey 2020"). */
export const pageTitle = (source: Pick<SiteSource, 'shortTitle' | 'key'>) =>
	source.shortTitle.title || source.shortTitle.lead || source.key;

/** The page of its own that a source has, listing every brief citing it (a link adds the base path: utils/url.ts). */
export const sourcePath = (source: Pick<SiteSource, 'slug'>) => `/references/${source.slug}/`;
