import type { Element, Root } from 'hast';
import type { Transformer } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { findCitations } from './find-citations.ts';

/** The parents whose text rehype-citation resolves (its `permittedTags`). */
const RESOLVED_PARENTS = new Set(['p', 'li', 'td', 'th', 'div', 'span']);
const LITERAL_PARENTS = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * rehype-citation only resolves text whose parent is one of a few tags, so a
 * citation in emphasis would stay `[@key]`. Wrap such text in a `span`:
 *
 *   <em>as argued [@klein2020]</em>  →  <em><span>as argued [@klein2020]</span></em>
 */
export function rehypeCitationParents(): Transformer<Root> {
	return (tree) => {
		visit(tree, 'text', (node, index, parent) => {
			if (!parent || index === undefined || parent.type !== 'element') return;
			if (RESOLVED_PARENTS.has(parent.tagName) || LITERAL_PARENTS.has(parent.tagName)) return;
			if (findCitations(node.value).length === 0) return;
			const span: Element = { type: 'element', tagName: 'span', properties: {}, children: [node] };
			parent.children[index] = span;
			return SKIP;
		});
	};
}
