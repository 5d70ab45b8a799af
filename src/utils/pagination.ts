/**
 * The home page lists the newest briefs and links on to older ones, a page
 * at a time (site.briefsPerPage), so that no page grows with the site:
 * `/`, then `/page/2/`, `/page/3/` …, every brief reachable by links alone.
 */

/** The site path of page `n` (counted from 1) of the list of briefs. */
export const briefsPagePath = (n: number) => (n <= 1 ? '/' : `/page/${n}/`);

/** `items` in pages of `size`, in order; an empty list is one empty page. */
export function pages<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out.length > 0 ? out : [[]];
}
