import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';

/** A block a reader can link to, cite from, or be sent back to. */
export interface Block {
	id: string;
	/** Human label for back-links: "Digital payments ¶2", "Key findings, item 3". */
	label: string;
	/** Id and title of the enclosing section (the nearest h2 above). */
	section: { id: string; title: string };
}

const KINDS: Record<string, { suffix: string; label: string }> = {
	p: { suffix: 'p', label: ' ¶' },
	li: { suffix: 'li', label: ', item ' },
	table: { suffix: 'table', label: ', table ' },
	blockquote: { suffix: 'quote', label: ', quotation ' },
	figure: { suffix: 'fig', label: ', figure ' },
};

const INTRO = { id: 'intro', title: 'Introduction' };

/**
 * Gives every block of a brief's body a short, readable id numbered within
 * its section, so that any paragraph can be linked and cited from:
 *
 *   <h2 id="digital-payments">…</h2><p>…</p><p>…</p>
 *   → <h2 id="digital-payments">…</h2><p id="digital-payments-p1">…</p><p id="digital-payments-p2">…</p>
 *
 * Each block is titled for Pagefind, so that a search hit can point at the
 * paragraph. Ids an author set are kept. The blocks are recorded in `file.data.blocks`
 * (by id) for the citation and reference plugins. Runs after heading ids.
 */
export function rehypeBlockIds(): Transformer<Root> {
	return (tree, file) => {
		const blocks = new Map<string, Block>();
		let section = INTRO;
		let counts = new Map<string, number>();

		const number = (node: Element) => {
			const kind = KINDS[node.tagName];
			if (!kind) return;
			const n = (counts.get(kind.suffix) ?? 0) + 1;
			counts.set(kind.suffix, n);
			const existing = node.properties['id'];
			const id = typeof existing === 'string' && existing ? existing : `${section.id}-${kind.suffix}${n}`;
			const label = `${section.title}${kind.label}${n}`;
			node.properties['id'] = id;
			// Pagefind makes every titled element with an id its own sub-result: search lands on the paragraph.
			node.properties['dataPagefindTitle'] = label;
			blocks.set(id, { id, label, section });
		};

		const walk = (nodes: (RootContent | ElementContent)[]) => {
			for (const node of nodes) {
				if (node.type !== 'element') continue;
				if (node.tagName === 'h2' && typeof node.properties['id'] === 'string') {
					section = { id: node.properties['id'], title: toString(node).trim() };
					counts = new Map();
					continue;
				}
				if (node.tagName === 'section') continue; // footnotes: their items have ids already
				number(node);
				if (node.tagName === 'ul' || node.tagName === 'ol') {
					for (const item of node.children) if (item.type === 'element' && item.tagName === 'li') number(item);
				}
			}
		};
		walk(tree.children);
		dataOf(file).blocks = blocks;
	};
}

/** The blocks rehype-block-ids found in this file. */
export const blocksOf = (file: VFile): Map<string, Block> => dataOf(file).blocks ?? new Map();

const dataOf = (file: VFile) => file.data as { blocks?: Map<string, Block> };
