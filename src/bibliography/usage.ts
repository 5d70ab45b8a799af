import { buildRegistry } from '../utils/build-registry.ts';
import { displayPath, loadBibliography } from './load.ts';

/** Which keys of which bibliography the briefs of this build cite. */
const cited = buildRegistry<string, Set<string>>('cited');

export function recordCited(bibliography: string, keys: Iterable<string>): void {
	const set = cited.get(bibliography) ?? new Set();
	for (const key of keys) set.add(key);
	cited.set(bibliography, set);
}

/** `file:line:column: message` for every entry of a used bibliography that no brief cites. */
export function uncitedEntries(): string[] {
	const lines: string[] = [];
	for (const [file, keys] of cited) {
		for (const source of loadBibliography(file).sources.values()) {
			if (keys.has(source.key)) continue;
			lines.push(
				`${displayPath(file)}:${source.entry.line}:${source.entry.column}: "${source.key}" is never cited. Cite it, or remove it from the bibliography.`,
			);
		}
	}
	return lines;
}
