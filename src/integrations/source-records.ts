import type { Element } from 'hast';
import { plainText, type BibEntry } from '../bibliography/parse-bibtex.ts';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SourcedConfig } from '../integration/config.ts';
import { strings } from '../ui/strings.ts';
import { sourceSlug } from '../utils/keys.ts';

/** A source as a search record of its own (Pagefind's `CustomRecord`). */
export interface SourceRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** The brief a reference list belongs to. */
export interface BriefInfo {
	slug: string;
	title: string;
	topics: string[];
	/** Publication date as written in the frontmatter (ISO). */
	published: string;
}

declare module 'hast' {
	interface ElementData {
		/** A reference-list entry's short title line, for its search result (set by rehype-references, never written out). */
		shortTitle?: string;
	}
}

/** What one brief's reference list says of one source. */
export interface CitedSource {
	key: string;
	/** The bibliography it comes from: one key in two bibliographies names two works. */
	bibliography: string;
	entry: string;
	/** "Klein 2020. China’s Digital Payments Revolution": who, when and what, for a search result's title line. */
	shortTitle: string;
	status: string;
	note: string;
	/** "Cited in: Digital payments ¶1, …" */
	citedIn: string;
	/** Passages the brief quotes from it (plugins/rehype-passages.ts). */
	quotes?: string[];
	brief: BriefInfo;
}

const text = (root: Element, className: string) => {
	let found = '';
	visit(root, 'element', (node) => {
		const classes = node.properties['className'];
		if (!found && Array.isArray(classes) && classes.includes(className)) found = toString(node).replace(/\s+/g, ' ').trim();
	});
	return found;
};

/** One reference-list entry (`<li class="reference" data-key>` as rehype-references builds it), read back. */
export function citedSource(li: Element, brief: BriefInfo, bibliography: string): CitedSource {
	return {
		key: String(li.properties['dataKey']),
		bibliography,
		entry: text(li, 'csl-entry'),
		shortTitle: li.data?.shortTitle ?? text(li, 'csl-entry'),
		status: text(li, 'status'),
		note: text(li, 'verification-note'),
		citedIn: text(li, 'cited-in'),
		brief,
	};
}

const URL_RE = /\s*https?:\/\/\S+/g;

/** Who, when and what: "Klein 2020. China’s Digital Payments Revolution", "Lee et al. 2018. …", "Gordon and Nouwens 2023. …". */
export function shortTitle(entry: BibEntry): string {
	const people = (entry.fields['author'] ?? entry.fields['editor'] ?? '').split(/\s+and\s+/).filter(Boolean);
	const family = (name: string) => plainText(name.includes(',') && !name.startsWith('{') ? name.split(',')[0]! : name);
	const who = people.length > 2 ? `${family(people[0]!)} et al.` : people.map(family).join(' and ');
	const year = entry.fields['year'] ?? entry.fields['date']?.slice(0, 4) ?? 'n.d.';
	const title = plainText(entry.fields['title'] ?? '').replace(/(\p{L})'(\p{L})/gu, '$1’$2');
	const lead = [who, year].filter(Boolean).join(' ');
	return title && lead ? `${lead}${lead.endsWith('.') ? '' : '.'} ${title}` : lead || title;
}

/**
 * One search record per source, however many briefs cite it: author, title,
 * year and publisher (the formatted entry), its verification status and
 * note, and where it is cited: as on the references page, the newest few
 * citing briefs (`citingBriefsListed` of the site), then how many more. A record
 * must not grow with the site: a source cited by 3,000 briefs once made a
 * 445 KB record that every search for it downloaded and excerpted. Every
 * citing section is still a section result of its own. The record links to
 * the source's entry on the references page, whose links go on to the citing
 * paragraphs and to the source's own page, which lists them all.
 */
export function sourceRecords(cited: CitedSource[], { site, citations }: Pick<SourcedConfig, 'site' | 'citations'>): SourceRecord[] {
	const bySource = new Map<string, CitedSource[]>();
	for (const source of cited) {
		const slug = sourceSlug(source.bibliography, source.key, citations.bibliography);
		if (bySource.has(slug)) bySource.get(slug)!.push(source);
		else bySource.set(slug, [source]);
	}
	return [...bySource.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([slug, uses]) => {
			const { entry, shortTitle, status, note } = uses[0]!;
			const newest = [...uses].sort((a, b) => b.brief.published.localeCompare(a.brief.published) || a.brief.slug.localeCompare(b.brief.slug));
			const briefs = [...new Set(newest.map((u) => u.brief.title))];
			const named = newest.slice(0, site.citingBriefsListed).map((u) => [`${u.brief.title}. ${u.citedIn}`, ...(u.quotes ?? [])].join(' '));
			const more = newest.length - named.length;
			return {
				// A site path, like the pages Pagefind indexes: the search module gives Pagefind the base path to put before it.
				url: `/references/#source-${slug}`,
				// The entry without its address: a search finds the source by author, title or publisher, and its excerpt is one line.
				content: [entry.replace(URL_RE, '').replace(/\s+\./g, '.').trim(), `${status}.`, note, ...named, more > 0 ? strings.citedInMore(more) : '']
					.filter(Boolean)
					.join(' '),
				language: site.lang,
				meta: { title: shortTitle, status },
				filters: { type: [strings.resultTypes.sources], brief: briefs, topic: [...new Set(uses.flatMap((u) => u.brief.topics))], status: [status] },
			};
		});
}
