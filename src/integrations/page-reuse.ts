import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's list of the pages it can reuse, in its cache directory (astro/dist/core/build/incremental.js). */
const REUSE_LIST = 'incremental-build.json';
/** Ours, beside it: pages are being rendered. */
export const RENDERING = 'sourced-rendering';

/**
 * Keeps Astro's reuse of pages (experimental.incrementalBuild; utils/page-key.ts)
 * from copying a page no build finished. Astro stores each page's copy in its
 * cache as soon as the page is rendered, but the list that says which
 * inputs each copy was rendered from only once every page is: a build
 * stopped between the two (an error in a page, Ctrl-C, out of memory)
 * leaves copies of pages rendered from its inputs under the list of the
 * build before it, and the next build, its author's edit undone, would copy
 * them out. A mark is written when rendering starts and removed when it
 * ends; a build that finds it forgets the list, and renders every page.
 */
export function pageReuse(): AstroIntegration {
	let cache = '';
	return {
		name: 'sourced:page-reuse',
		hooks: {
			'astro:config:done': ({ config, logger }) => {
				cache = fileURLToPath(config.cacheDir);
				if (!existsSync(path.join(cache, RENDERING))) return;
				rmSync(path.join(cache, REUSE_LIST), { force: true });
				// The copies too: with no list, Astro could never tell which of them to prune.
				rmSync(path.join(cache, 'dist'), { recursive: true, force: true });
				rmSync(path.join(cache, RENDERING), { force: true });
				logger.info('the last build stopped while rendering pages: none of its pages is reused, every page is rendered');
			},
			'astro:build:start': () => {
				mkdirSync(cache, { recursive: true });
				writeFileSync(path.join(cache, RENDERING), '');
			},
			'astro:build:generated': () => rmSync(path.join(cache, RENDERING), { force: true }),
		},
	};
}
