import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { handReadingTimeToPage } from './page-data.ts';

/** Reading time at 230 words a minute, counting the prose only (no citation keys, markup or notes' syntax). */
export function readingMinutes(body: string): number {
	const prose = body
		.replace(/\[[^\]]*@[^\]]*\]/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/[#*_>|`[\]^-]+/g, ' ');
	return Math.max(1, Math.round(prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length / 230));
}

/**
 * Hands the brief's page its reading time, counted in the brief's text as
 * written (its body, without frontmatter), so that the site's content store
 * need not keep every brief's text for it: that text was 96 % of the store,
 * which a build reads, writes and bundles into its pages whole. The tree is
 * left as it is.
 *
 *   (a brief of 1,600 words) → remarkPluginFrontmatter.minutes = 7
 */
export function remarkReadingTime(): Transformer<Root> {
	return (_tree, file) => {
		handReadingTimeToPage(file, readingMinutes(String(file.value)));
	};
}
