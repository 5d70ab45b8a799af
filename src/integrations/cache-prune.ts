import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { pruneUnused, UNUSED_DAYS } from '../utils/cache-files.ts';

/** The content-addressed caches of the site (citations/cache.ts, sharing/card.ts, bibliography/load.ts): files by what they hold, never stale, only unused. */
export const PRUNED = ['sourced-citations', 'og-images', 'sourced-bibliographies'];

/**
 * After a build, removes what no build has used for a month from the
 * caches in PRUNED, so that editing briefs for years does not fill a disk.
 * (Compiled briefs are pruned by their own cache, plugins/mdx-cache.ts, and
 * Astro prunes its copies of pages.) Last of the build's hooks: the cards
 * are drawn, and every page has read what it uses.
 */
export function cachePrune(cache: string): AstroIntegration {
	return {
		name: 'sourced:cache-prune',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const removed = PRUNED.reduce((sum, dir) => sum + pruneUnused(path.join(cache, dir)), 0);
				if (removed > 0) logger.info(`removed ${removed} cache file(s) no build has used for ${UNUSED_DAYS} days`);
			},
		},
	};
}
