import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** Astro's list of the pages it can reuse, in its cache directory (astro/dist/core/build/incremental.js). */
const REUSE_LIST = 'incremental-build.json';
/** Ours, beside it: pages are being rendered, by the process named after the dot (`sourced-rendering.<pid>`). */
export const RENDERING = 'sourced-rendering';

/** The mark of the build in process `pid`. */
export const renderingMark = (pid: number) => `${RENDERING}.${pid}`;

/** Whether a process is running (a mark of one that is not was left by a build that stopped). */
export function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The builds that have marked the cache: each process, and whether it still runs (`pid` 0: an older build's unnamed mark). */
function marks(cache: string, alive: (pid: number) => boolean): { file: string; pid: number; alive: boolean }[] {
	let names: string[];
	try {
		names = readdirSync(cache);
	} catch {
		return [];
	}
	return names
		.filter((name) => name === RENDERING || name.startsWith(`${RENDERING}.`))
		.map((name) => {
			const pid = Number(name.slice(RENDERING.length + 1)) || 0;
			return { file: path.join(cache, name), pid, alive: pid > 0 && pid !== process.pid && alive(pid) };
		});
}

/**
 * Keeps Astro's reuse of pages (experimental.incrementalBuild; utils/page-key.ts)
 * from copying a page no build finished. Astro stores each page's copy in its
 * cache as soon as the page is rendered, but the list that says which
 * inputs each copy was rendered from only once every page is: a build
 * stopped between the two (an error in a page, Ctrl-C, out of memory)
 * leaves copies of pages rendered from its inputs under the list of the
 * build before it, and the next build, its author's edit undone, would copy
 * them out. Each build marks the cache while it renders (a file named
 * after its process) and removes its mark when it is done; a build that
 * finds the mark of a process that no longer runs forgets the list and the
 * copies, and renders every page.
 *
 * Two builds at once over one cache (two terminals, two sites given the
 * same `cacheDir`) would write each other's copies: a build that finds
 * another's mark while it runs renders every page, and one that sees
 * another build render beside it leaves no list behind.
 */
export function pageReuse(alive: (pid: number) => boolean = running): AstroIntegration {
	let cache = '';
	let logger: AstroIntegrationLogger | undefined;
	const forgetList = () => rmSync(path.join(cache, REUSE_LIST), { force: true });
	const others = () => marks(cache, alive).filter((mark) => mark.alive);
	return {
		name: 'sourced:page-reuse',
		hooks: {
			'astro:config:done': ({ config, logger: log }) => {
				cache = fileURLToPath(config.cacheDir);
				logger = log;
				// A mark of this process is one of a build that stopped in it (builds run in a test's process one at a time).
				const found = marks(cache, alive);
				const stopped = found.filter((mark) => !mark.alive);
				const beside = found.filter((mark) => mark.alive);
				if (stopped.length === 0 && beside.length === 0) return;
				forgetList();
				for (const mark of stopped) rmSync(mark.file, { force: true });
				if (beside.length > 0) {
					log.warn(
						`another build (process ${beside.map((mark) => mark.pid).join(', ')}) is rendering pages with this cache, ${cache}: none of its pages is reused, every page is rendered. Give each site its own cacheDir, and build one at a time.`,
					);
					return;
				}
				// The copies too: with no list, Astro could never tell which of them to prune. (Not while another build writes them.)
				rmSync(path.join(cache, 'dist'), { recursive: true, force: true });
				log.info('the last build stopped while rendering pages: none of its pages is reused, every page is rendered');
			},
			'astro:build:start': () => {
				mkdirSync(cache, { recursive: true });
				writeFileSync(path.join(cache, renderingMark(process.pid)), '');
			},
			// Astro has written its list by now (astro/dist/core/build/generate.js).
			'astro:build:generated': () => {
				const beside = others();
				if (beside.length > 0) {
					// Its copies and ours are mixed in the cache: the next build renders every page.
					forgetList();
					logger?.warn(
						`another build (process ${beside.map((mark) => mark.pid).join(', ')}) rendered pages with this cache while this one did: the next build reuses none of them`,
					);
				}
				rmSync(path.join(cache, renderingMark(process.pid)), { force: true });
			},
		},
	};
}
