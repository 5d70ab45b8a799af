import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { site } from '../site.config.ts';
import { strings } from '../ui/strings.ts';
import { buildRegistry } from '../utils/build-registry.ts';

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
	title: string;
	topics: string[];
}

/** What one brief's reference list says of one source. */
export interface CitedSource {
	key: string;
	entry: string;
	status: string;
	note: string;
	/** "Cited in: Digital payments ¶1, …" */
	citedIn: string;
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
 * How many briefs a source's record names with the sections citing it. A
 * record is one fragment a reader downloads and Pagefind excerpts whole: it
 * must not grow with the site (a source cited by 3,000 briefs once made a
 * 445 KB record). Every citing section is still findable as a section
 * result, and listed under the source on the references page.
 */
export const CITING_BRIEFS_IN_RECORD = 5;

/**
 * One search record per source, however many briefs cite it: author, title,
 * year and publisher (the formatted entry), its verification status and
 * note, and where it is cited (the first CITING_BRIEFS_IN_RECORD briefs by
 * title, then how many more). It links to the source's entry on the
 * references page, whose links go on to the citing paragraphs.
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
			const byTitle = [...uses].sort((a, b) => a.brief.title.localeCompare(b.brief.title));
			const briefs = [...new Set(byTitle.map((u) => u.brief.title))];
			const named = byTitle.slice(0, CITING_BRIEFS_IN_RECORD).map((u) => `${u.brief.title}. ${u.citedIn}`);
			const more = briefs.length - named.length;
			return {
				url: `/references/#source-${key}`,
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
