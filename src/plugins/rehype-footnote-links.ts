import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { strings } from '../ui/strings.ts';
import { handSidenotesToPage } from './page-data.ts';

/**
 * Footnotes: references are numbers and back-links are arrows, so keep both
 * out of search excerpts ("Fintech1 in China"), and give each back-link a
 * name that says where it goes:
 *
 *   <a href="#fn-why" id="fnref-why" data-footnote-ref>1</a>
 *   → <a href="#fn-why" id="fnref-why" data-footnote-ref data-pagefind-ignore>1</a>
 *   <a href="#fnref-why" data-footnote-backref aria-label="Back to reference 1">↩</a>
 *   → <a href="#fnref-why" data-footnote-backref aria-label="Back to the text of note 1" data-pagefind-ignore>↩</a>
 *
 * It also lists the notes that can be shown as sidenotes (`sidenotes` in the
 * brief's frontmatter data: names whose first reference exists), for the page
 * to tie each note to its reference as a CSS anchor (components/Sidenotes.astro).
 */
export function rehypeFootnoteLinks(): Transformer<Root> {
	return (tree, file) => {
		const sidenotes: string[] = [];
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			// Only a note's first reference (`fnref-why` → `#fn-why`; later ones are `fnref-why-2`) anchors it.
			if (node.tagName === 'a' && typeof id === 'string' && /^fnref-[\w-]+$/.test(id) && node.properties['href'] === `#fn-${id.slice(6)}`) {
				sidenotes.push(id.slice(6));
			}
			if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) node.properties['dataPagefindIgnore'] = '';
			if (node.tagName !== 'a' || node.properties['dataFootnoteBackref'] === undefined) return;
			node.properties['dataPagefindIgnore'] = '';
			const label = String(node.properties['ariaLabel'] ?? '').replace(/^Back to reference /, '');
			if (label) node.properties['ariaLabel'] = strings.backToText(label);
		});
		handSidenotesToPage(file, sidenotes);
	};
}
