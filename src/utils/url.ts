import { site } from '../site.config.ts';

/**
 * The path the site is served under, from its address, always with a final
 * slash: `/` for `https://example.org`, `/research/` for `https://example.org/research`.
 */
export function basePath(siteUrl: string = site.url): string {
	const { pathname } = new URL(siteUrl);
	return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

const base = basePath();

/**
 * Every internal link of the site goes through here, so that a site served
 * under a path (`https://example.org/research/`) works: a root-relative site
 * path such as `/references/` becomes that path under the site's base
 * (`/research/references/`). Anything else (`#id`, `?q=`, `https://…`) is
 * returned as it is.
 */
export function withBase(sitePath: string): string {
	if (!sitePath.startsWith('/') || sitePath.startsWith('//')) return sitePath;
	return base.slice(0, -1) + sitePath;
}

/** The absolute URL of a site path, for canonical links, feeds, sitemaps and citations. */
export function absoluteUrl(sitePath: string): string {
	return new URL(withBase(sitePath), site.url).href;
}
