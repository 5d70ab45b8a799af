import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a cache file whole or not at all: two builds sharing a cache, or a
 * build's page and its card painter's thread, never read half a file. A
 * cache that cannot be written only costs time; whether it was written is
 * returned for the caller that needs to know.
 */
export function writeWhole(file: string, data: string | Uint8Array): boolean {
	try {
		replaceWhole(file, data);
		return true;
	} catch {
		return false;
	}
}

/**
 * Replaces a file whole or not at all, and throws if it cannot: a file that
 * is content (the anchor manifest an author commits) is never left half
 * written by a build stopped while writing it, nor read half written by
 * another build. With `durable`, the new text is on the disk before it
 * replaces the old, and the replacement before this returns: a power cut
 * leaves one manifest or the other, never an empty file (what a rename
 * of unsynced data can leave on ext4 or XFS).
 */
export function replaceWhole(file: string, data: string | Uint8Array, { durable = false } = {}): void {
	const dir = path.dirname(file);
	mkdirSync(dir, { recursive: true });
	// Hidden, beside the file: a build killed between the two steps leaves no file an author would commit with the content.
	const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
	try {
		write(temporary, data, durable);
		renameSync(temporary, file);
	} catch (error) {
		try {
			rmSync(temporary, { force: true });
		} catch {
			// the error that matters is the first
		}
		throw error;
	}
	if (durable) syncFolder(dir);
}

/** Writes the temporary file, synced when durable; in its folder made again if another build's cache prune removed it, empty, meanwhile. */
function write(temporary: string, data: string | Uint8Array, durable: boolean): void {
	const once = () => {
		if (!durable) return writeFileSync(temporary, data);
		const fd = openSync(temporary, 'w');
		try {
			writeFileSync(fd, data);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	};
	try {
		once();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		mkdirSync(path.dirname(temporary), { recursive: true });
		once();
	}
}

/** Puts a folder's entries (a rename in it) on the disk, where the system lets a folder be opened for that (not on Windows). */
function syncFolder(dir: string): void {
	let fd: number;
	try {
		fd = openSync(dir, 'r');
	} catch {
		return;
	}
	try {
		fsyncSync(fd);
	} catch {
		// EINVAL, EISDIR, EPERM: a folder this system cannot sync; the rename stands
	} finally {
		closeSync(fd);
	}
}
