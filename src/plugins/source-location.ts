import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { displayPath } from '../bibliography/load.ts';
import { lineIndex } from '../bibliography/parse-bibtex.ts';

/**
 * `file:line:column` of `needle` in the brief's source, searched from the
 * start of `node` (so that a message points at the id or link itself), or of
 * the node when the needle is not found there, or the file alone.
 */
export function sourceLocation(file: VFile, node: Node | undefined, needle?: string): string {
	const name = displayPath(file.path);
	const start = node?.position?.start;
	if (!start) return name;
	const source = String(file.value);
	const offset = needle !== undefined && start.offset !== undefined ? source.indexOf(needle, start.offset) : -1;
	if (offset < 0) return `${name}:${start.line}:${start.column}`;
	const { line, column } = lineIndex(source)(offset);
	return `${name}:${line}:${column}`;
}
