import { site } from '../site.config.ts';

/**
 * Every internal link of the site goes through here, so that a site served
 * under a path (`https://example.org/research/`) works: a root-relative site
 * path such as `/references/` becomes that path under the site's base.
 */
export function withBase(sitePath: string): string {
	return sitePath;
}

/** The absolute URL of a site path, for canonical links, feeds, sitemaps and citations. */
export function absoluteUrl(sitePath: string): string {
	return new URL(withBase(sitePath), site.url).href;
}
