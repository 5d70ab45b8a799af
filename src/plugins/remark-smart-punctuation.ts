import type { InlineCode, Nodes, Parents, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';

/**
 * Smart punctuation, as Astro's own (remark-smartypants 3 with its default
 * options) makes it, in less time (30 → 21 ms a brief, the real brief parsed
 * 30 times):
 *
 *   "Payments" -- the 'app' era... → “Payments” — the ‘app’ era…
 *
 * The text of every paragraph, heading and table cell is joined into one
 * string (each block opened with a space, inline code as letters standing in
 * for it), so that quotes pair across emphasis and links; retext-smartypants
 * turns its quotes, then each text node on its own gets dashes, ellipses and
 * ``backticks''. That second turn parses every text node of the brief again,
 * half the plugin's time, and changes only a node with two hyphens, three
 * dots (together or spaced), two backticks or two apostrophes in it (its
 * dashes, ellipses and backticks rules): any other node is kept as it is,
 * without being parsed. The output is remark-smartypants' own, text for
 * text (tests/unit/smart-punctuation.test.ts compares the two).
 */
export function remarkSmartPunctuation(): Transformer<Root> {
	const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
	return (tree) => {
		// The text and inline code in order, `undefined` where a block opens or a citation stands (one character each).
		const nodes: (Text | InlineCode | undefined)[] = [];
		let text = '';
		visit(tree, (node, _index, parent) => {
			// A formatted citation (remark-citations.ts) is a word to the quotes around it: "@key" → “Doe (2005)”.
			if ((node as { type: string }).type === 'citation') {
				text += 'A';
				nodes.push(undefined);
				return;
			}
			if (!parent || !inScope(node, parent)) return;
			if (node.type === 'text' || node.type === 'inlineCode') {
				text += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
				nodes.push(node);
			} else {
				text += ' ';
				nodes.push(undefined);
			}
		});
		const quoted = /["']/.test(text) ? quotes.processSync(text).toString() : text;
		let at = 0;
		for (const node of nodes) {
			if (!node) {
				at += 1;
				continue;
			}
			const value = quoted.slice(at, at + node.value.length);
			at += node.value.length;
			if (node.type === 'text') node.value = smartRest(value);
		}
	};
}

const REST_RULES = retext().use(retextSmartypants, { quotes: false });

/**
 * The dashes, ellipses and backticks rules, on a text node (the plugin's
 * second turn) or on a citation's prefix or suffix (remark-citations.ts),
 * which the plugin never sees: it runs after the citations are formatted,
 * and citeproc turns their quotes itself. A text none of the rules can
 * change is returned as it is, without being parsed.
 *
 *   see 3--5 here... → see 3—5 here…
 */
export const smartRest = (text: string) => (REST.test(text) ? REST_RULES.processSync(text).toString() : text);

/** Blocks whose text starts afresh: a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * What the dashes, ellipses and backticks rules can change: `--`, `...`,
 * `. . .`, two backticks, two apostrophes. The dots of a spaced ellipsis
 * are apart by what parse-latin counts as white space: what `\s` matches,
 * and U+0085 (next line).
 */
const REST = /--|\.\.\.|\.[\s\u0085]+\.|``|''/;

/** Text, inline code and the blocks holding them, except in an MDX `<style>` or `<script>` written inline. */
function inScope(node: Nodes, parent: Parents): boolean {
	if (!BLOCKS.has(node.type) && node.type !== 'text' && node.type !== 'inlineCode') return false;
	// MDX's JSX nodes (mdast-util-mdx-jsx) are not in mdast's own types.
	const { type, name } = parent as { type: string; name?: unknown };
	if (type !== 'mdxJsxTextElement') return true;
	return typeof name === 'string' && name !== 'style' && name !== 'script';
}
