import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
		mkdirSync(path.dirname(file), { recursive: true });
		const temporary = `${file}.${process.pid}-${threadId}.tmp`;
		writeFileSync(temporary, data);
		renameSync(temporary, file);
		return true;
	} catch {
		return false;
	}
}
