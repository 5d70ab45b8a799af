import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';

/**
 * How long a file of a content-addressed cache (formatted citations, sharing
 * cards) is kept after the last build that used it. Such a file is never
 * stale, only unused: a brief edited, retitled or deleted leaves its old
 * ones behind, and without a limit the cache would only grow. A month spans
 * the gaps between an author's sessions; what is pruned and needed later
 * is only formatted or drawn again.
 */
export const UNUSED_DAYS = 30;

/**
 * Marks a cache file as used now (its modification time, which pruneUnused
 * reads) and says whether it is there: one system call where `existsSync`
 * would be one too.
 */
export function touch(file: string, now = new Date()): boolean {
	try {
		utimesSync(file, now, now);
		return true;
	} catch (error) {
		// Only its owner may set a file's times: another user's cache, or a read-only one, is read as it is, unmarked.
		return (error as NodeJS.ErrnoException).code !== 'ENOENT' && existsSync(file);
	}
}

/**
 * Removes the files under `dir` (and its folders, one level down, as the
 * caches shard them) that no build has used for `days` days, with the
 * folders left empty; returns how many files went. A file that cannot be
 * removed (gone meanwhile, or not ours to remove) is left: pruning only ever
 * saves space. Another build using the cache at the same moment has marked
 * what it has used; a file it has yet to reach may be taken, and is then
 * only made again.
 */
export function pruneUnused(dir: string, days = UNUSED_DAYS, now = Date.now()): number {
	const before = now - days * 24 * 60 * 60 * 1000;
	let removed = 0;
	const sweep = (folder: string, depth: number): boolean => {
		let names: string[];
		try {
			names = readdirSync(folder);
		} catch {
			return false;
		}
		let left = names.length;
		for (const name of names) {
			const file = path.join(folder, name);
			try {
				// lstat: a link in the cache is removed as a file, never followed into what it links to.
				const stat = lstatSync(file);
				if (stat.isDirectory()) {
					// Only if still empty: another build may have written into it since (rmdir then fails, and it stays).
					if (depth > 0 && sweep(file, depth - 1)) {
						rmdirSync(file);
						left--;
					}
				} else if (stat.mtimeMs < before) {
					rmSync(file, { force: true });
					removed++;
					left--;
				}
			} catch {
				// gone meanwhile, or not removable: kept
			}
		}
		return left === 0;
	};
	sweep(dir, 1);
	return removed;
}
