declare const __BASE__: string;

/**
 * The path the site is served under, `/` or e.g. `/research/`, compiled in
 * from Astro's `base` (integrations/client-scripts.ts): browser code cannot
 * read the site's config.
 */
export const base: string = __BASE__;
