import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { site } from '../site.config.ts';
import { strings } from '../ui/strings.ts';
import { buildRegistry } from '../utils/build-registry.ts';
import { keySlug } from '../utils/keys.ts';

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

/** What one brief's reference list says of one source. */
export interface CitedSource {
	key: string;
	entry: string;
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
export function citedSource(li: Element, brief: BriefInfo): CitedSource {
	return {
		key: String(li.properties['dataKey']),
		entry: text(li, 'csl-entry'),
		status: text(li, 'status'),
		note: text(li, 'verification-note'),
		citedIn: text(li, 'cited-in'),
		brief,
	};
}

/**
 * One search record per source, however many briefs cite it: author, title,
 * year and publisher (the formatted entry), its verification status and
 * note, and where it is cited: as on the references page, the newest few
 * citing briefs (`site.citingBriefsListed`), then how many more. A record
 * must not grow with the site: a source cited by 3,000 briefs once made a
 * 445 KB record that every search for it downloaded and excerpted. Every
 * citing section is still a section result of its own. The record links to
 * the source's entry on the references page, whose links go on to the citing
 * paragraphs and to the source's own page, which lists them all.
 */
export function sourceRecords(cited: CitedSource[]): SourceRecord[] {
	const byKey = new Map<string, CitedSource[]>();
	for (const source of cited) {
		if (byKey.has(source.key)) byKey.get(source.key)!.push(source);
		else byKey.set(source.key, [source]);
	}
	return [...byKey.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, uses]) => {
			const { entry, status, note } = uses[0]!;
			const newest = [...uses].sort((a, b) => b.brief.published.localeCompare(a.brief.published) || a.brief.slug.localeCompare(b.brief.slug));
			const briefs = [...new Set(newest.map((u) => u.brief.title))];
			const named = newest.slice(0, site.citingBriefsListed).map((u) => [`${u.brief.title}. ${u.citedIn}`, ...(u.quotes ?? [])].join(' '));
			const more = newest.length - named.length;
			return {
				url: `/references/#source-${keySlug(key)}`,
				content: [entry, `${status}.`, note, ...named, more > 0 ? strings.citedInMore(more) : ''].filter(Boolean).join(' '),
				language: site.lang,
				meta: { title: entry, status },
				filters: { type: [strings.resultTypes.sources], brief: briefs, topic: [...new Set(uses.flatMap((u) => u.brief.topics))], status: [status] },
			};
		});
}

/**
 * The sources of every brief this build compiled, by page URL, for the search
 * index (integrations/pagefind.ts).
 */
export const builtSources = buildRegistry<string, CitedSource[]>('sources');
