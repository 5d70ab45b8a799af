import type { Element, ElementContent, Root } from 'hast';
import type { Transformer } from 'unified';
import { SKIP, visit } from '../utils/visit.ts';
import { strings } from '../ui/strings.ts';
import { blocksOf } from './rehype-block-ids.ts';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Makes every heading and block linkable by button, with one control per
 * heading and the heading's name left to its text:
 *
 *   <h2 id="fintech">Fintech</h2><details class="cite-section">…</details>
 *   → <div class="section-head"><h2 id="fintech">Fintech</h2>
 *       <button class="copy-link" data-load="c" data-copy="#fintech" aria-label="Copy link to section Fintech" disabled></button>
 *       <details class="cite-section">…</details></div>
 *   <p id="fintech-p1">…</p>
 *   → <p id="fintech-p1"><button class="copy-link" data-load="c" data-copy="#fintech-p1" aria-label="Copy link to Fintech ¶1" tabindex="-1" disabled></button>…</p>
 *
 * A section's "Cite this section" (rehype-cite-sections) joins its copy
 * button beside the heading. A block's button is for the pointer (shown on
 * hover) and for screen readers' reading cursor, and stays out of the Tab
 * order, so that Tab goes from heading to citation to link, not through
 * every paragraph. The buttons are enabled by the page's bootstrap and carry
 * no text, so nothing of them reaches the search index or copied article text.
 */
export function rehypeLinkButtons(): Transformer<Root> {
	return (tree, file) => {
		const blocks = blocksOf(file);
		visit(tree, 'element', (node, index, parent) => {
			const id = node.properties['id'];
			if (typeof id !== 'string') return;
			if (HEADINGS.has(node.tagName) && !node.properties['className'] && parent && index !== undefined) {
				const label = node.children.map(textOf).join('').trim();
				const next = parent.children[index + 1];
				const cite = next?.type === 'element' && hasClass(next, 'cite-section') ? [next] : [];
				const head: Element = {
					type: 'element',
					tagName: 'div',
					properties: { className: ['section-head'] },
					children: [node, button(id, strings.copyLinkTo(`section ${label}`)), ...cite],
				};
				parent.children.splice(index, 1 + cite.length, head);
				return [SKIP, index + 1];
			}
			// A table cannot hold a button, but its caption can; an uncaptioned table's id still links to it.
			const block = blocks.get(id);
			const host = node.tagName === 'table' ? node.children.find((c) => c.type === 'element' && c.tagName === 'caption') : node;
			if (block && host?.type === 'element') host.children.unshift(button(id, strings.copyLinkTo(block.label), -1));
			return undefined;
		});
	};
}

const button = (id: string, label: string, tabIndex?: number): Element => ({
	type: 'element',
	tagName: 'button',
	properties: {
		type: 'button',
		className: ['copy-link'],
		dataLoad: 'c',
		dataCopy: `#${id}`,
		ariaLabel: label,
		...(tabIndex === undefined ? {} : { tabIndex }),
		disabled: true,
	},
	children: [],
});

const hasClass = (node: Element, name: string) =>
	Array.isArray(node.properties['className']) && node.properties['className'].includes(name);

const isAlias = (node: ElementContent) => node.type === 'element' && hasClass(node, 'anchor-alias');

const textOf = (node: ElementContent): string =>
	isAlias(node) ? '' : node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
