import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';

/** The MDX JSX node for an HTML element written in a brief, e.g. `<p id="key-claim">`. */
interface JsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: { type: string; name?: string; value?: unknown }[];
	children: ElementContent[];
}

/**
 * HTML an author writes in MDX (lower-case tags with plain attributes) comes
 * through as MDX JSX nodes; make them ordinary elements, as MDX would render
 * them anyway, so that the plugins after this see them like Markdown's own:
 * an author sets a paragraph's id with `<p id="key-claim">…</p>`.
 *
 *   mdxJsxFlowElement <p id="key-claim">  →  element p { id: 'key-claim' }
 *
 * Components (capitalised) and attributes with expressions are left alone.
 */
export function rehypeMdxHtml(): Transformer<Root> {
	return (tree) => {
		visit(tree, (node, index, parent) => {
			if ((node.type as string) !== 'mdxJsxFlowElement' && (node.type as string) !== 'mdxJsxTextElement') return;
			const jsx = node as unknown as JsxElement;
			if (!parent || index === undefined || !jsx.name || !/^[a-z][a-z0-9]*$/.test(jsx.name)) return;
			if (!jsx.attributes.every((a) => a.type === 'mdxJsxAttribute' && a.name && (typeof a.value === 'string' || a.value === null))) return;
			const properties = Object.fromEntries(jsx.attributes.map((a) => [a.name!, a.value === null ? true : (a.value as string)]));
			const element: Element = h(jsx.name, properties, jsx.children as never);
			parent.children[index] = element;
		});
	};
}
