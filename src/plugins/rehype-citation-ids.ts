import type { Element, Root } from 'hast';
import type { Transformer } from 'unified';
import { visitParents } from '../utils/visit.ts';
import type { VFile } from 'vfile';
import type { QuotedItem } from '../citations/evidence.ts';
import { handCitationsToPage } from './page-data.ts';
import { blocksOf, type Block } from './rehype-block-ids.ts';

/** A block as back-links name it: its text, which only the anchor manifest reads, left out. */
export type CitedBlock = Omit<Block, 'text'>;

/** One place in a brief that cites a source. */
export interface CitationUse {
	key: string;
	/** Id of the citation itself. */
	id: string;
	/** The block it stands in, where back-links land. */
	block: CitedBlock;
	/** Passages it quotes from the source (`[@key, p. 3, quoting "…"]`), for the source's search record. */
	quotes?: string[];
}

/**
 * Replaces the citation stage's counter ids, which shift whenever a citation
 * is added earlier, with ids derived from the block the citation stands in,
 * and makes each citation link open its source's preview:
 *
 *   <p id="digital-payments-p1">… <span id="citation--17">(<a href="#bib-klein2020">Klein 2020</a>)</span>
 *   → <p id="digital-payments-p1">… <span id="cite-digital-payments-p1-klein2020" class="citation">(<a href="#bib-klein2020" interestfor="preview-klein2020">Klein 2020</a>)</span>
 *
 * Every use is recorded in `file.data.citations` for back-links and the references page.
 */
export function rehypeCitationIds(): Transformer<Root> {
	return (tree, file) => {
		const blocks = blocksOf(file);
		const uses: CitationUse[] = [];
		const taken = new Set<string>();
		// Each block once, as back-links name it, shared by the uses standing in it.
		const cited = new Map<string, CitedBlock>();
		const citedBlock = ({ text: _, ...block }: Block): CitedBlock => {
			const known = cited.get(block.id);
			if (known) return known;
			cited.set(block.id, block);
			return block;
		};

		visitParents(tree, 'element', (node, ancestors) => {
			const raw = node.properties['id'];
			if (typeof raw !== 'string' || !raw.startsWith('citation--')) return;
			const block = citedBlock(enclosingBlock(ancestors, blocks));
			const keys = [...new Set(linkTargets(node))];
			let id = `cite-${block.id}-${keys.join('-')}`;
			for (let n = 2; taken.has(id); n++) id = `cite-${block.id}-${keys.join('-')}-${n}`;
			taken.add(id);
			node.properties['id'] = id;
			node.properties['className'] = ['citation'];
			delete node.properties['dataWritten'];
			const quoted = typeof node.properties['dataQuotes'] === 'string' ? (JSON.parse(node.properties['dataQuotes']) as QuotedItem[]) : [];
			for (const key of keys) {
				const quotes = quoted.filter((item) => item.key === key).map((item) => item.quote);
				uses.push({ key, id, block, ...(quotes.length > 0 ? { quotes } : {}) });
			}
		});
		file.data.citations = uses;
		// Pages read this through render()'s remarkPluginFrontmatter (references page, metadata).
		handCitationsToPage(file, uses);
	};
}

export const citationsOf = (file: VFile): CitationUse[] => file.data.citations ?? [];

/** Keys a citation links to; each link also opens that source's preview. */
function linkTargets(span: Element): string[] {
	const keys: string[] = [];
	const walk = (node: Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			const href = child.properties['href'];
			if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('#bib-')) {
				const key = decodeURIComponent(href.slice('#bib-'.length));
				child.properties['interestfor'] = `preview-${key}`;
				keys.push(key);
			} else walk(child);
		}
	};
	walk(span);
	return keys;
}

function enclosingBlock(ancestors: (Root | Element)[], blocks: Map<string, Block>): Block {
	for (let i = ancestors.length - 1; i >= 0; i--) {
		const ancestor = ancestors[i]!;
		if (ancestor.type !== 'element') continue;
		const id = ancestor.properties['id'];
		if (typeof id !== 'string') continue;
		const block = blocks.get(id);
		if (block) return block;
		if (id.startsWith('fn-')) {
			// Footnotes are numbered by their place in the list, as the reader sees them.
			const list = ancestors[i - 1];
			const n = list ? list.children.filter((c) => c.type === 'element').indexOf(ancestor) + 1 : 0;
			return { id, kind: 'note', text: '', label: `Note ${n}`, section: { id: 'footnote-label', title: 'Notes' } };
		}
	}
	return { id: 'main', kind: 'main', text: '', label: 'the text', section: { id: 'main', title: '' } };
}
