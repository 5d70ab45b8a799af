import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { strings } from '../ui/strings.ts';

/**
 * Footnote back-links are arrows: keep them out of search excerpts, and give
 * each a name that says where it goes:
 *
 *   <a href="#fnref-why" data-footnote-backref aria-label="Back to reference 1">↩</a>
 *   → <a href="#fnref-why" data-footnote-backref aria-label="Back to the text of note 1" data-pagefind-ignore>↩</a>
 */
export function rehypeFootnoteLinks(): Transformer<Root> {
	return (tree) => {
		visit(tree, 'element', (node) => {
			if (node.tagName !== 'a' || node.properties['dataFootnoteBackref'] === undefined) return;
			node.properties['dataPagefindIgnore'] = '';
			const label = String(node.properties['ariaLabel'] ?? '').replace(/^Back to reference /, '');
			if (label) node.properties['ariaLabel'] = strings.backToText(label);
		});
	};
}
