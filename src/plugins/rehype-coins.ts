import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { coinsTitle } from '../citations/coins.ts';
import { bibliographyItems } from '../citations/stage.ts';
import { citationSettings } from './citation-options.ts';

/**
 * Gives every entry of the reference list its COinS (citations/coins.ts), so
 * that Zotero's connector offers to save all of a brief's sources at once.
 * The span is empty and hidden from assistive technology; the page's own
 * Highwire tags still describe the brief itself.
 *
 *   <li id="bib-klein2020" class="reference">…</li>
 *   → <li id="bib-klein2020" class="reference">…<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;…" aria-hidden="true"></span></li>
 */
export function rehypeCoins(): Transformer<Root> {
	return (tree, file) => {
		let items: ReturnType<typeof bibliographyItems> | undefined;
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (node.tagName !== 'li' || typeof id !== 'string' || !id.startsWith('bib-')) return;
			items ??= bibliographyItems(citationSettings(file).bibliography);
			const item = items.get(id.slice('bib-'.length));
			if (!item) return;
			node.children.push({ type: 'element', tagName: 'span', properties: { className: ['Z3988'], title: coinsTitle(item), ariaHidden: 'true' }, children: [] });
		});
	};
}
