import type { Element, ElementContent, Root } from 'hast';
import { visit } from './visit.ts';

/** An address in a formatted reference: up to white space, without the punctuation that ends a sentence. */
const URL_RE = /https?:\/\/[^\s<>"]+[^\s<>".,;:)\]]/g;

/** Links off the site open without handing it the reader's page. */
const REL = 'noopener noreferrer';

/** URLs and DOI links in the text of a formatted reference (hast) become links. */
export function linkify(root: Element | Root): void {
	visit(root, 'text', (node, index, parent) => {
		if (!parent || index === undefined || (parent.type === 'element' && parent.tagName === 'a')) return;
		const parts: ElementContent[] = [];
		let last = 0;
		for (const match of node.value.matchAll(URL_RE)) {
			if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
			parts.push({
				type: 'element',
				tagName: 'a',
				properties: { href: match[0], rel: REL.split(' ') },
				children: [{ type: 'text', value: match[0] }],
			});
			last = match.index + match[0].length;
		}
		if (parts.length === 0) return;
		if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
		parent.children.splice(index, 1, ...parts);
		return index + parts.length;
	});
}

/** The same for a formatted reference as HTML (escaped text between tags), for components. */
export function linkifyHtml(html: string): string {
	return html
		.split(/(<[^>]*>)/)
		.map((part) => (part.startsWith('<') ? part : part.replace(URL_RE, (url) => `<a href="${url}" rel="${REL}">${url}</a>`)))
		.join('');
}
