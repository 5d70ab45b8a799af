import type { Element, Root } from 'hast';
import type { Transformer } from 'unified';
import { SKIP, visit } from '../utils/visit.ts';
import { strings } from '../ui/strings.ts';

/**
 * Puts every table in a box of its own that scrolls sideways, so that a wide
 * table never widens the page on a phone. The box can take keyboard focus
 * (to scroll it with the arrow keys) and is named after the table:
 *
 *   <table id="tbl-claims" data-pagefind-title="Table 1: Claims and sources.">…</table>
 *   → <section class="table-scroll" tabindex="0" aria-label="Table 1: Claims and sources."><table …>…</table></section>
 */
export function rehypeTableScroll(): Transformer<Root> {
	return (tree) => {
		visit(tree, 'element', (node, index, parent) => {
			if (node.tagName !== 'table' || !parent || index === undefined) return;
			const title = node.properties['dataPagefindTitle'];
			const box: Element = {
				type: 'element',
				// A named section is a region landmark: the pattern screen readers know for a scrolling table.
				tagName: 'section',
				properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: typeof title === 'string' ? title : strings.scrollTable },
				children: [node],
			};
			parent.children[index] = box;
			return SKIP;
		});
	};
}
