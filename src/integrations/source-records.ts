import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { site } from '../site.config.ts';
import { strings } from '../ui/strings.ts';

/** A bibliography entry of a built brief, as its own search record (Pagefind's `CustomRecord`). */
export interface SourceRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

/** The brief a reference list belongs to. */
export interface BriefInfo {
	/** e.g. /briefs/internet-plus/ */
	url: string;
	title: string;
	topics: string[];
}

const text = (root: Element, className: string) => {
	let found = '';
	visit(root, 'element', (node) => {
		const classes = node.properties['className'];
		if (!found && Array.isArray(classes) && classes.includes(className)) found = toString(node).replace(/\s+/g, ' ').trim();
	});
	return found;
};

/**
 * One reference-list entry (`<li id="bib-…" class="reference">` as
 * rehype-references builds it) as a search record: author, title, year and
 * publisher (the formatted entry), its verification status and note, and
 * where the brief cites it. The record links to the entry, whose "cited in"
 * links go on to the citing paragraphs.
 */
export function sourceRecord(li: Element, brief: BriefInfo): SourceRecord {
	const entry = text(li, 'csl-entry');
	const status = text(li, 'status');
	return {
		url: `${brief.url}#${String(li.properties['id'])}`,
		content: [entry, `${status}.`, text(li, 'verification-note'), text(li, 'cited-in')].filter(Boolean).join(' '),
		language: site.lang,
		meta: { title: entry, status, brief: brief.title },
		filters: { type: [strings.resultTypes.sources], brief: [brief.title], topic: brief.topics, status: [status] },
	};
}

/**
 * The records of every brief this build compiled, by page URL, for the
 * search index (integrations/pagefind.ts). Kept on globalThis: plugins and
 * integrations may be separate module instances under Vite.
 */
export const builtSources: Map<string, SourceRecord[]> = ((globalThis as { __sourcedSources?: Map<string, SourceRecord[]> }).__sourcedSources ??=
	new Map());
