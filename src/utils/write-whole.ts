import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * another build. (Not synced to disk: a power cut can still lose it.)
 */
export function replaceWhole(file: string, data: string | Uint8Array): void {
	mkdirSync(path.dirname(file), { recursive: true });
	// Hidden, beside the file: a build killed between the two steps leaves no file an author would commit with the content.
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${threadId}.tmp`);
	try {
		writeFileSync(temporary, data);
		renameSync(temporary, file);
	} catch (error) {
		try {
			rmSync(temporary, { force: true });
		} catch {
			// the error that matters is the first
		}
		throw error;
	}
}
