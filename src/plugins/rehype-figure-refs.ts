import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { closest } from '../bibliography/suggest.ts';
import { figuresOf } from './rehype-figures.ts';
import { sourceLocation } from './source-location.ts';

const REF = /^#((?:fig|tbl)-.+)$/;
/** Link text that asks for the number: none, or the bare word. */
const BARE = /^(?:|figure|table)$/i;

/**
 * Turns a Markdown link to a figure's or table's id into its number, so that
 * the text stays right when items move; the link works as written anywhere
 * else:
 *
 *   see [Table](#tbl-claims)   →  see <a href="#tbl-claims" class="xref">Table 1</a>
 *   see [](#fig-payments)      →  see <a href="#fig-payments" class="xref">Figure 2</a>
 *   [the table below](#tbl-claims) keeps its words.
 *
 * A link to an id no caption declares, and the caption problems rehype-figures
 * found, fail the build together, each with its place in the source.
 */
export function rehypeFigureRefs(): Transformer<Root> {
	return (tree, file) => {
		const { ids, problems: captionProblems } = figuresOf(file);
		const problems = [...captionProblems];
		visit(tree, 'element', (node) => {
			const href = node.properties['href'];
			const match = node.tagName === 'a' && typeof href === 'string' ? REF.exec(href) : null;
			if (!match) return;
			const id = decodeURIComponent(match[1]!);
			const target = ids.get(id);
			if (!target) {
				const hints = closest(id, ids.keys());
				const hint = hints.length > 0 ? ` Did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : '';
				const example = id.startsWith('fig-') ? `"Figure: What it shows. #${id}"` : `"Table: What it shows. #${id}"`;
				problems.push(
					`${sourceLocation(file, node, `#${id}`)}: unknown figure or table id "${id}".${hint} ` +
						`No caption in this brief ends with #${id}: fix the link, or end the caption with the id (${example}).`,
				);
				return;
			}
			const words = toString(node).trim();
			if (BARE.test(words)) {
				const label = /^\p{Ll}/u.test(words) ? target.label[0]!.toLowerCase() + target.label.slice(1) : target.label;
				node.children = [{ type: 'text', value: label }];
			}
			node.properties['className'] = ['xref'];
		});
		if (problems.length > 0) {
			problems.sort((a, b) => place(a) - place(b));
			throw new Error(`Figure and table error${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`);
		}
	};
}

/** A message's line and column as one number, to list problems in the order of the source. */
function place(message: string): number {
	const [, line = '0', column = '0'] = /:(\d+):(\d+): /.exec(message) ?? [];
	return Number(line) * 10_000 + Number(column);
}
