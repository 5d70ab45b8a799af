/**
 * How `npm run build` (scripts/build.ts) puts a new site in place of the old
 * one: the new folder is renamed in, and the old one is deleted by a process
 * of its own, after the command has returned.
 *
 * Deleting a built site is not quick: about 2,800 files at 300 briefs, which
 * took 0.2 s with the files still in the page cache and up to 1.3 s once
 * they had been written out (`sync` first) on this machine's disk (Node's
 * `rm`). The site is complete and in place before that, so the author no
 * longer waits for it.
 *
 * A folder such a process did not finish (the machine stopped), or that a
 * build stopped before swapping in (killed while building), is named after
 * the process that made it: the next build deletes it once that process has
 * ended.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { running } from '../src/integrations/page-reuse.ts';

/** How the folder of a site a build replaced begins, before its process's pid. */
export const REPLACED = '.dist-old-';

/** The folders beside the output a build in process `pid` uses: the site it is building, and the site it replaced. */
export function workFolders(out: string, pid: number): { next: string; old: string } {
	const dir = path.dirname(out);
	return { next: path.join(dir, `.dist-next-${pid}`), old: path.join(dir, `${REPLACED}${pid}`) };
}

const WORK = /^\.dist-(?:next|old)-(\d+)$/;

/** Work folders beside the output left by builds whose process has ended. */
export function leftovers(out: string): string[] {
	const dir = path.dirname(out);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	// When the process started is not recorded (''): a folder whose pid is in use is kept.
	return names.filter((name) => WORK.test(name) && !running(Number(WORK.exec(name)![1]), '')).map((name) => path.join(dir, name));
}

/** Puts `next` in place of `out`, which is moved to `old`: whether there was an `out` to move. */
export async function swapIn(next: string, out: string, old: string): Promise<boolean> {
	const moved = await rename(out, old).then(
		() => true,
		(error: NodeJS.ErrnoException) => {
			if (error.code !== 'ENOENT') throw error;
			return false;
		},
	);
	await rename(next, out);
	return moved;
}

/**
 * Deletes `folders` in a process of its own that outlives this one. What it
 * cannot delete stays, under its name, for a later build to find (leftovers).
 * Returns that process's pid.
 */
export function deleteLater(folders: string[]): number | undefined {
	if (folders.length === 0) return undefined;
	const child = spawn(
		process.execPath,
		[
			'-e',
			`const { rmSync } = require('node:fs');
for (const folder of process.argv.slice(1)) {
	try { rmSync(folder, { recursive: true, force: true, maxRetries: 3 }); } catch {}
}`,
			...folders,
		],
		{ detached: true, stdio: 'ignore' },
	);
	child.unref();
	return child.pid;
}
