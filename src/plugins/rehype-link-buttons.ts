import type { Element, ElementContent, Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { strings } from '../ui/strings.ts';
import { blocksOf } from './rehype-block-ids.ts';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/**
 * Makes every heading and block linkable by hand and by button:
 *
 *   <h2 id="fintech">Fintech</h2>
 *   → <h2 id="fintech"><a class="heading-link" href="#fintech">Fintech</a><button class="copy-link" data-load="c" data-copy="#fintech" aria-label="Copy link to section Fintech" disabled></button></h2>
 *   <p id="fintech-p1">…</p>
 *   → <p id="fintech-p1"><button class="copy-link" data-load="c" data-copy="#fintech-p1" aria-label="Copy link to Fintech ¶1" disabled></button>…</p>
 *
 * The heading link works without JavaScript; the buttons are enabled by the
 * page's bootstrap and carry no text, so nothing of them reaches the search
 * index or copied article text.
 */
export function rehypeLinkButtons(): Transformer<Root> {
	return (tree, file) => {
		const blocks = blocksOf(file);
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (typeof id !== 'string') return;
			if (HEADINGS.has(node.tagName) && !node.properties['className']) {
				// Alias anchors (rehype-anchor-manifest) stay outside the link.
				const aliases = node.children.filter(isAlias);
				const content = node.children.filter((child) => !isAlias(child));
				const label = content.map(textOf).join('').trim();
				node.children = [
					...aliases,
					{ type: 'element', tagName: 'a', properties: { className: ['heading-link'], href: `#${id}` }, children: content },
					button(id, strings.copyLinkTo(`section ${label}`)),
				];
				return;
			}
			// A table cannot hold a button, but its caption can; an uncaptioned table's id still links to it.
			const block = blocks.get(id);
			const host = node.tagName === 'table' ? node.children.find((c) => c.type === 'element' && c.tagName === 'caption') : node;
			if (block && host?.type === 'element') host.children.unshift(button(id, strings.copyLinkTo(block.label)));
		});
	};
}

const button = (id: string, label: string): Element => ({
	type: 'element',
	tagName: 'button',
	properties: { type: 'button', className: ['copy-link'], dataLoad: 'c', dataCopy: `#${id}`, ariaLabel: label, disabled: true },
	children: [],
});

const isAlias = (node: ElementContent) =>
	node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes('anchor-alias');

const textOf = (node: ElementContent): string =>
	node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
