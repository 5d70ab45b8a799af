import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { strings } from '../ui/strings.ts';

/**
 * Footnotes: back-links are arrows, so keep them out of search excerpts and
 * give each a name that says where it goes; and tie each note to its first
 * reference as a CSS anchor, so that wide screens can show it as a sidenote
 * beside the line that calls it (global.css), from the same markup.
 *
 *   <a href="#fnref-why" data-footnote-backref aria-label="Back to reference 1">↩</a>
 *   → <a href="#fnref-why" data-footnote-backref aria-label="Back to the text of note 1" data-pagefind-ignore>↩</a>
 *   <a id="fnref-why" data-footnote-ref>1</a>  → … style="anchor-name: --fn-why"
 *   <li id="fn-why">                         → … style="position-anchor: --fn-why"
 */
export function rehypeFootnoteLinks(): Transformer<Root> {
	return (tree) => {
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			// Only a note's first reference (`fnref-why` → `#fn-why`; later ones are `fnref-why-2`) anchors it.
			if (node.tagName === 'a' && typeof id === 'string' && id.startsWith('fnref-') && node.properties['href'] === `#fn-${id.slice(6)}`) {
				node.properties['style'] = `anchor-name: --fn-${id.slice(6)}`;
			}
			if (node.tagName === 'li' && typeof id === 'string' && /^fn-[\w-]+$/.test(id)) {
				node.properties['style'] = `position-anchor: --${id}`;
			}
			if (node.tagName !== 'a' || node.properties['dataFootnoteBackref'] === undefined) return;
			node.properties['dataPagefindIgnore'] = '';
			const label = String(node.properties['ariaLabel'] ?? '').replace(/^Back to reference /, '');
			if (label) node.properties['ariaLabel'] = strings.backToText(label);
		});
	};
}
