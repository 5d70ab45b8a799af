import type { ElementContent, Root } from 'hast';

/**
 * A block's text with each citation as the author wrote it (`[@klein2020,
 * p. 4]`, `@zhou2022`), not as formatted: what the anchor manifest compares,
 * so that a change of style or of a year letter never moves an anchor. The
 * citation stage leaves the written form on each citation's span
 * (`data-written`); rehype-citation-ids removes it.
 */
export function textAsWritten(node: Root | ElementContent): string {
	if (node.type === 'text') return node.value;
	const written = node.type === 'element' ? node.properties['dataWritten'] : undefined;
	if (typeof written === 'string') return written;
	// Elements, and MDX's JSX elements (a figure's link to its full-size image) alike: their text is their children's.
	return 'children' in node ? node.children.map((child) => textAsWritten(child as ElementContent)).join('') : '';
}
