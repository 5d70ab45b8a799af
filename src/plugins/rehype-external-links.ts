import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';

/**
 * Links that leave the site open without handing it the reader's page:
 *
 *   <a href="https://example.org/">  →  <a href="https://example.org/" rel="noopener noreferrer">
 */
export function rehypeExternalLinks(): Transformer<Root> {
	return (tree) => {
		visit(tree, 'element', (node) => {
			const href = node.properties['href'];
			if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//.test(href))
				node.properties['rel'] = ['noopener', 'noreferrer'];
		});
	};
}
