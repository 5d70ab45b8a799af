import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * For a test file: a function that makes a temporary folder, each removed
 * after the file's tests whether they passed or not. Call it at the top of
 * the file.
 */
export function temporaryFolders(): (prefix: string) => string {
	const folders: string[] = [];
	afterAll(() => {
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});
	return (prefix) => {
		const dir = mkdtempSync(path.join(tmpdir(), prefix));
		folders.push(dir);
		return dir;
	};
}
