import { appendFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** Astro's list of the pages it can reuse, in its cache directory (astro/dist/core/build/incremental.js). */
const REUSE_LIST = 'incremental-build.json';
/** Ours, beside it: pages are being rendered, by the process named after the dot (`sourced-rendering.<pid>.<start>`). */
export const RENDERING = 'sourced-rendering';

/**
 * Why Astro cannot tell which pages a change to the content affects, or
 * undefined when it can. Astro records the briefs a page rendered by their
 * paths as the content folder names them, relative to the root, and the
 * hash of each brief's compiled module by the module's real path with the
 * root taken off (astro/dist/core/build/plugins/plugin-incremental.js). The
 * two meet only for a brief inside the root reached through no link: for
 * one outside (an absolute path), or behind a link (the bundler names
 * modules by their real paths), they never did, and a page was reused
 * whenever the brief's own file and frontmatter were unchanged, though its
 * bibliography, style or anchors had changed: it showed the last build's
 * citations.
 */
export function untrackedContent(content: string, root: string): string | undefined {
	const because = (reason: string, fix: string) =>
		`${reason}: Astro cannot tell which pages a change to the content affects, so every page is rendered on every build (compiled briefs are still kept). ${fix} for faster builds.`;
	const written = (folder: string) => path.resolve(folder);
	const real = (folder: string) => {
		try {
			return realpathSync(folder);
		} catch {
			return written(folder);
		}
	};
	const briefs = path.join(content, 'briefs');
	const linked = [root, content, briefs].find((folder) => real(folder) !== written(folder)) ?? linkAmong(briefs);
	if (linked !== undefined)
		return because(
			`the content folder, ${written(content)}, is reached through a link (${written(linked)})`,
			'Name the content folder by its real path and keep briefs as files, not links,',
		);
	const relative = path.relative(written(root), written(content));
	if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
		return because(
			`the content folder, ${written(content)}, is outside the project, ${written(root)}`,
			'Move the content folder into the project',
		);
	return undefined;
}

/** The first link among the files and folders under `folder` (not followed), if any. */
function linkAmong(folder: string): string | undefined {
	try {
		const link = readdirSync(folder, { recursive: true, withFileTypes: true }).find((entry) => entry.isSymbolicLink());
		return link && path.join(link.parentPath, link.name);
	} catch {
		return undefined;
	}
}

/**
 * When a process started, as the kernel counts it (`/proc/<pid>/stat`), or
 * '' where that cannot be read: with its pid, it names one process, not
 * whichever later process is given the same pid.
 */
export function processStart(pid: number): string {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
	} catch {
		return '';
	}
}

/** The mark of the build in process `pid`. */
export const renderingMark = (pid: number, start = processStart(pid)) => `${RENDERING}.${pid}.${start}`;

/** Whether the process that made a mark is running: its pid is in use, by a process that started when it did (where that is known). */
export function running(pid: number, start: string): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		// EPERM: it runs, as another user
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	const now = processStart(pid);
	return start === '' || now === '' || now === start;
}

interface Mark {
	file: string;
	/** Made by this process (a build in it that threw leaves one, since builds in a process run one at a time). */
	ours: boolean;
	/** Made by another build that is rendering now. */
	alive: boolean;
}

/** The builds that have marked the cache: this one's, other running ones', and those of builds that stopped (an older version's unnamed mark among them). */
function marks(cache: string, alive: (pid: number, start: string) => boolean): Mark[] {
	let names: string[];
	try {
		names = readdirSync(cache);
	} catch {
		return [];
	}
	return names
		.filter((name) => name === RENDERING || name.startsWith(`${RENDERING}.`))
		.map((name) => {
			const [pidText = '', start = ''] = name.slice(RENDERING.length + 1).split('.');
			const pid = Number(pidText) || 0;
			const ours = pid === process.pid;
			return { file: path.join(cache, name), ours, alive: !ours && pid > 0 && alive(pid, start) };
		});
}

/**
 * Keeps Astro's reuse of pages (experimental.incrementalBuild; utils/page-key.ts)
 * from copying a page no build finished, or a page another build wrote.
 * Astro stores each page's copy in its cache as soon as the page is
 * rendered, but the list that says which inputs each copy was rendered from
 * only once every page is: a build stopped between the two (an error in a
 * page, Ctrl-C, out of memory) leaves copies of pages rendered from its
 * inputs under the list of the build before it, and the next build, its
 * author's edit undone, would copy them out. Each build marks the cache
 * while it renders (a file named after its process) and removes its mark
 * when it is done; a build that finds a mark of a process that no longer
 * runs forgets the list and the copies, and renders every page.
 *
 * Two builds at once over one cache (two terminals, two sites given the
 * same `cacheDir`) write each other's copies, so neither list may be kept:
 * a build that finds another's mark, of a running build or of one that
 * stopped while others ran, renders every page and writes into that mark
 * that it was there; a build whose mark was written into, or that saw any
 * other mark while it rendered, leaves no list behind. The copies of a
 * build that stopped are forgotten by the first build that finds no other
 * build running.
 */
export function pageReuse(alive: (pid: number, start: string) => boolean = running): AstroIntegration {
	let cache = '';
	/** This build's mark (config:done). */
	let own = '';
	let logger: AstroIntegrationLogger | undefined;
	let overlapped = false;
	const forgetList = () => rmSync(path.join(cache, REUSE_LIST), { force: true });
	const others = () => marks(cache, alive).filter((mark) => !mark.ours);
	/** Tells each other build's mark that this build was here (its list then describes copies this build wrote too). */
	const sign = (found: Mark[]) => {
		for (const mark of found) {
			try {
				appendFileSync(mark.file, `${process.pid}\n`);
			} catch {
				// gone meanwhile: that build is done, and its own check sees this build's mark
			}
		}
	};
	return {
		name: 'sourced:page-reuse',
		hooks: {
			'astro:config:done': ({ config, logger: log }) => {
				cache = fileURLToPath(config.cacheDir);
				own = path.join(cache, renderingMark(process.pid));
				logger = log;
				const found = marks(cache, alive);
				if (found.length === 0) return;
				forgetList();
				const beside = found.filter((mark) => mark.alive);
				if (beside.length > 0) {
					overlapped = true;
					log.warn(
						`another build is rendering pages with this cache, ${cache}: none of its pages is reused, every page is rendered. Give each site its own cacheDir, and build one at a time.`,
					);
					return;
				}
				// No build runs: the stopped builds' copies go too (with no list, Astro could never tell which of them to prune).
				rmSync(path.join(cache, 'dist'), { recursive: true, force: true });
				for (const mark of found) rmSync(mark.file, { force: true });
				log.info('the last build stopped while rendering pages: none of its pages is reused, every page is rendered');
			},
			'astro:build:start': () => {
				mkdirSync(cache, { recursive: true });
				writeFileSync(own, '');
				const found = others();
				if (found.length > 0) overlapped = true;
				sign(found.filter((mark) => mark.alive));
			},
			// Astro has written its list by now (astro/dist/core/build/generate.js).
			'astro:build:generated': () => {
				const found = others();
				let signed: boolean;
				try {
					signed = statSync(own).size > 0;
				} catch {
					// removed by a build that found it stopped: another build ran beside this one
					signed = true;
				}
				if (overlapped || signed || found.length > 0) {
					// Its copies and ours are mixed in the cache: the next build renders every page.
					forgetList();
					logger?.warn('another build rendered pages with this cache while this one did: the next build reuses none of them');
				}
				rmSync(own, { force: true });
			},
		},
	};
}
