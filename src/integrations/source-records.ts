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
 * One search record per source, however many briefs cite it: author, title,
 * year and publisher (the formatted entry), its verification status and
 * note, and where each brief cites it. It links to the source's entry on the
 * references page, whose links go on to the citing paragraphs.
 */
export function sourceRecords(cited: CitedSource[]): SourceRecord[] {
	const byKey = new Map<string, CitedSource[]>();
	for (const source of cited) byKey.set(source.key, [...(byKey.get(source.key) ?? []), source]);
	return [...byKey.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, uses]) => {
			const { entry, status, note } = uses[0]!;
			const briefs = [...new Set(uses.map((u) => u.brief.title))];
			return {
				url: `/references/#source-${key}`,
				content: [entry, `${status}.`, note, ...uses.map((u) => `${u.brief.title}. ${u.citedIn}`)].filter(Boolean).join(' '),
				language: site.lang,
				meta: { title: entry, status, brief: briefs.join('; ') },
				filters: { type: [strings.resultTypes.sources], brief: briefs, topic: [...new Set(uses.flatMap((u) => u.brief.topics))], status: [status] },
			};
		});
}

/**
 * The sources of every brief this build compiled, by page URL, for the search
 * index (integrations/pagefind.ts).
 */
export const builtSources = buildRegistry<string, CitedSource[]>('sources');
