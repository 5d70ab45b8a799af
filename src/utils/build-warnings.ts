import type { VFile } from 'vfile';

/**
 * Records a warning (already `file:line:column: what. How to fix it.`) on
 * the file, where tests and other tools read it, and in its data, from which
 * the build lists it at its end (integration/collector.ts).
 */
export function warn(file: VFile, message: string): void {
	file.message(message);
	(file.data.warnings ??= []).push(message);
}
