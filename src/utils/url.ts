import { site } from 'virtual:sourced/config';
import { absoluteUrlOn, withBasePath } from './site-url.ts';

/**
 * Every internal link of the site goes through here, so that a site served
 * under a path (`https://example.org/research/`) works: a root-relative site
 * path such as `/references/` becomes that path under the site's base
 * (`/research/references/`). Anything else (`#id`, `?q=`, `https://…`) is
 * returned as it is. For pages and components; a plugin is handed the
 * site's address and uses site-url.ts.
 */
export const withBase = (sitePath: string): string => withBasePath(site.base, sitePath);

/** The absolute URL of a site path, for canonical links, feeds, sitemaps and citations. */
export const absoluteUrl = (sitePath: string): string => absoluteUrlOn(site.url, sitePath);
