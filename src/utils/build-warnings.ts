import type { VFile } from 'vfile';
import { buildRegistry } from './build-registry.ts';

/** Warnings about a brief's content, by file, for the build to list at its end (a rebuilt file replaces its own). */
export const buildWarnings = buildRegistry<string, string[]>('warnings');

/**
 * Records a warning (already `file:line:column: what. How to fix it.`) for
 * the end of the build, and on the file, where tests and other tools read it.
 */
export function warn(file: VFile, message: string): void {
	file.message(message);
	buildWarnings.set(file.path, [...(buildWarnings.get(file.path) ?? []), message]);
}

/** Forgets a file's warnings before it is processed again. */
export const clearWarnings = (file: VFile) => buildWarnings.delete(file.path);
