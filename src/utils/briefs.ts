import type { CollectionEntry } from 'astro:content';
import { briefPath } from './brief-record.ts';
import { pageKey } from './page-key.ts';
import { withBase } from './url.ts';

export type Brief = CollectionEntry<'briefs'>;

/**
 * Briefs a reader can see, newest first. Drafts show only in `astro dev`,
 * whose mode is "development"; `astro build` builds in "production" mode.
 * (Not `import.meta.env.DEV`: Vite sets that from NODE_ENV, so a build run
 * with NODE_ENV=test or development, as Vitest runs it, published drafts.)
 */
export function publishedBriefs(briefs: Brief[], dev = import.meta.env.MODE === 'development'): Brief[] {
	return briefs
		.filter((brief) => dev || !brief.data.draft)
		.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}

/**
 * The `cacheKey` of a page made from one brief and nothing else the build
 * does not track (utils/page-key.ts): its page, sharing image and downloads.
 * The brief's file (its digest) and its data as the schema read it; what
 * its MDX compiles to, bibliography and style included, Astro tracks when
 * the page renders it.
 */
export const briefKey = (brief: Brief) => pageKey(brief.id, brief.digest ?? null, brief.data);

/** A link to the brief's page, under the site's base path. */
export const briefUrl = (brief: Brief) => withBase(briefPath(brief.id));

export { formatDate, isoDate } from './dates.ts';
