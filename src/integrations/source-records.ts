import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { strings } from '../ui/strings.ts';

/** A bibliography entry of a built brief, as its own search record (Pagefind's `CustomRecord`). */
export interface SourceRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

const hasClass = (node: Element, name: string) => {
	const classes = node.properties['className'];
	return Array.isArray(classes) && classes.includes(name);
};

function find(root: Root | Element, test: (node: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(root, 'element', (node) => {
		if (test(node)) found.push(node);
	});
	return found;
}

const text = (node: Element | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');

/**
 * Reads the reference list of a built brief page and returns one record per
 * source: author, title, year and publisher (the formatted entry), its
 * verification status and note, and where the brief cites it. The record
 * links to the entry, whose "cited in" links go on to the citing paragraphs.
 */
export function sourceRecords(html: string, pageUrl: string): SourceRecord[] {
	const tree = fromHtml(html);
	const language = String(find(tree, (n) => n.tagName === 'html')[0]?.properties['lang'] ?? 'en');
	const brief = text(find(tree, (n) => n.tagName === 'h1')[0]);
	const topics = find(tree, (n) => typeof n.properties['dataPagefindFilter'] === 'string')
		.map((n) => String(n.properties['dataPagefindFilter']))
		.filter((f) => f.startsWith('topic:'))
		.map((f) => f.slice('topic:'.length));
	return find(tree, (n) => n.tagName === 'li' && hasClass(n, 'reference')).map((li) => {
		const entry = text(find(li, (n) => hasClass(n, 'csl-entry'))[0]);
		const status = text(find(li, (n) => hasClass(n, 'status'))[0]);
		const note = text(find(li, (n) => hasClass(n, 'verification-note'))[0]);
		const citedIn = text(find(li, (n) => hasClass(n, 'cited-in'))[0]);
		return {
			url: `${pageUrl}#${String(li.properties['id'])}`,
			content: [entry, `${status}.`, note, citedIn].filter(Boolean).join(' '),
			language,
			meta: { title: entry, status, brief },
			filters: { type: [strings.resultTypes.sources], brief: [brief], topic: topics, status: [status] },
		};
	});
}
