import path from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { textAsWritten } from '../citations/written.ts';
import type { Transformer } from 'unified';
import type { VFile } from 'vfile';
import { publishedAnchors } from '../anchors/manifest.ts';
import { matchAnchors } from '../anchors/match.ts';
import { normalize } from '../anchors/similarity.ts';
import { figuresOf } from './rehype-figures.ts';

/** A block a reader can link to, cite from, or be sent back to. */
export interface Block {
	id: string;
	/** p, li, table, quote or fig */
	kind: string;
	/** Human label for back-links: "Digital payments ¶2", "Key findings, item 3", "Table 1". */
	label: string;
	/** Its text as written (citations unresolved), for the anchor manifest. */
	text: string;
	/** Id and title of the enclosing section (the nearest h2 above). */
	section: { id: string; title: string };
}

const KINDS: Record<string, { kind: string; label: string }> = {
	p: { kind: 'p', label: ' ¶' },
	li: { kind: 'li', label: ', item ' },
	table: { kind: 'table', label: ', table ' },
	blockquote: { kind: 'quote', label: ', quotation ' },
	figure: { kind: 'fig', label: ', figure ' },
};

const INTRO = { id: 'intro', title: 'Introduction' };

/** The brief's slug, as the content collection names it. */
export const slugOf = (file: Pick<VFile, 'path'>) => path.basename(file.path, path.extname(file.path));

/**
 * Gives every block of a brief's body a short, readable id, so that any
 * paragraph can be linked and cited from:
 *
 *   <h2 id="digital-payments">…</h2><p>…</p><p>…</p>
 *   → <h2 id="digital-payments">…</h2><p id="digital-payments-p1">…</p><p id="digital-payments-p2">…</p>
 *
 * A new block is numbered by its place in its section. A block that was
 * published before (content/anchors.json) keeps its id while its text stays
 * recognisably the same, even if blocks are added before it or its section
 * is renamed; a new block never takes a published id. Ids an author set are
 * kept. Each block is titled for Pagefind, so that a search hit can point at
 * the paragraph. The blocks are recorded in `file.data.blocks` (by id).
 * `manifest`: the path of content/anchors.json.
 */
export function rehypeBlockIds({ manifest }: { manifest: string }): Transformer<Root> {
	return (tree, file) => {
		const published = publishedAnchors(slugOf(file), manifest);
		const numbered = figuresOf(file).numbered;
		const found: { node: Element; kind: string; n: number; label: string; title: string; text: string; section: Block['section'] }[] = [];
		let section = INTRO;
		let counts = new Map<string, number>();

		const collect = (node: Element) => {
			const kind = KINDS[node.tagName];
			if (!kind) return;
			const n = (counts.get(kind.kind) ?? 0) + 1;
			counts.set(kind.kind, n);
			// A captioned figure or table is known by its number (rehype-figures), and found by its caption.
			const figure = numbered.get(node);
			const label = figure?.label ?? `${section.title}${kind.label}${n}`;
			found.push({
				node,
				kind: kind.kind,
				n,
				label,
				title: figure?.title ?? label,
				text: normalize(textAsWritten(node)).slice(0, 200),
				section,
			});
		};
		for (const node of tree.children as (RootContent | ElementContent)[]) {
			if (node.type !== 'element') continue;
			if (node.tagName === 'h2' && typeof node.properties['id'] === 'string') {
				section = { id: node.properties['id'], title: toString(node).trim() };
				counts = new Map();
				continue;
			}
			if (node.tagName === 'section') continue; // footnotes: their items have ids already
			collect(node);
			if (node.tagName === 'ul' || node.tagName === 'ol') {
				for (const item of node.children) if (item.type === 'element' && item.tagName === 'li') collect(item);
			}
		}

		// Ids an author set are kept; published blocks keep theirs while their text is recognisably the same (anchors/match.ts).
		const ids = new Map<number, string>();
		const taken = new Set([...Object.keys(published.anchors), ...Object.keys(published.aliases), ...published.retired]);
		found.forEach(({ node }, i) => {
			const own = node.properties['id'];
			if (typeof own === 'string' && own) ids.set(i, own);
		});
		const claimed = new Set(ids.values());
		const open = found.flatMap((_, i) => (ids.has(i) ? [] : [i]));
		if (open.length > 0) {
			const { successors } = matchAnchors(
				Object.entries(published.anchors).filter(([id]) => !claimed.has(id)),
				open.map((i) => ({ kind: found[i]!.kind, text: found[i]!.text })),
			);
			for (const [id, index] of successors) {
				ids.set(open[index]!, id);
				claimed.add(id);
			}
		}
		// New blocks: by their place, or the next number no published anchor has used.
		found.forEach(({ kind, n, section: s }, i) => {
			if (ids.has(i)) return;
			let id = `${s.id}-${kind}${n}`;
			for (let k = n; claimed.has(id) || taken.has(id); k++) id = `${s.id}-${kind}${k + 1}`;
			ids.set(i, id);
			claimed.add(id);
		});

		const blocks = new Map<string, Block>();
		found.forEach(({ node, kind, label, title, text, section: s }, i) => {
			const id = ids.get(i)!;
			node.properties['id'] = id;
			// Pagefind makes every titled element with an id its own sub-result: search lands on the paragraph.
			node.properties['dataPagefindTitle'] = title;
			blocks.set(id, { id, kind, label, text, section: s });
		});
		file.data.blocks = blocks;
	};
}

/** The blocks rehype-block-ids found in this file. */
export const blocksOf = (file: VFile): Map<string, Block> => file.data.blocks ?? new Map<string, Block>();
