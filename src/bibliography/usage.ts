import { displayPath, formatProblem, type Bibliography } from './load.ts';
import type { LintOptions } from './lint.ts';

/** A finding about a bibliography: one summary line, and every item (written to the citation report, integrations/citation-report.ts). */
export interface UsageNote {
	summary: string;
	details: string[];
}

const FIRST_KEYS = 3;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const someKeys = (keys: string[]) =>
	keys
		.slice(0, FIRST_KEYS)
		.map((key) => `"${key}"`)
		.join(', ') + (keys.length > FIRST_KEYS ? ', …' : '');

/**
 * What the end of the build says about each bibliography the briefs used, a
 * line each: problems in entries no brief cites (they do not fail the build),
 * entries never cited, and cited sources without a verification status.
 * `cited`: the keys the build's briefs cite, by bibliography
 * (integration/collector.ts). `report`: where every item is listed. `read`:
 * how a bibliography is read (the build's citation stage).
 */
export function usageNotes(
	cited: Map<string, Set<string>>,
	report: string,
	read: (file: string, options: LintOptions) => Bibliography,
	options: LintOptions = {},
): UsageNote[] {
	const notes: UsageNote[] = [];
	for (const [file, citedKeys] of cited) {
		const keys = new Set([...citedKeys].map((key) => key.toLowerCase()));
		const bibliography = read(file, options);
		const name = displayPath(file);
		const isCited = (key: string) => keys.has(key.toLowerCase());
		// A crossref or xdata parent of a cited entry is used, cited or not.
		const used = new Set(keys);
		for (const source of bibliography.sources.values()) {
			if (isCited(source.key)) for (const parent of Object.values(source.entry.inherited ?? {})) used.add(parent.toLowerCase());
		}

		const uncitedProblems = bibliography.problems.filter((p) => p.severity === 'warning' || (p.keys.length > 0 && !p.keys.some(isCited)));
		if (uncitedProblems.length > 0) {
			const entries = new Set(uncitedProblems.flatMap((p) => p.keys));
			const first = uncitedProblems[0]!;
			notes.push({
				summary:
					`${name}: ${plural(uncitedProblems.length, 'problem', 'problems')} in ${plural(entries.size, 'entry', 'entries')} no brief cites ` +
					`(first: line ${first.line}: ${first.message.split(/[.;] /)[0]}). They fail the build once an entry is cited; ` +
					`${report} lists them all.`,
				details: uncitedProblems.map((p) => formatProblem(file, p)),
			});
		}

		const sources = [...bibliography.sources.values()];
		const never = sources.filter((source) => !used.has(source.key.toLowerCase()));
		if (never.length > 0) {
			notes.push({
				summary:
					`${name}: ${plural(never.length, 'entry is', 'entries are')} never cited (${someKeys(never.map((s) => s.key))}; first at line ${never[0]!.entry.line}). ` +
					`Cite ${never.length === 1 ? 'it' : 'them'} or remove ${never.length === 1 ? 'it' : 'them'}; ${report} lists them all.`,
				details: never.map((s) => `${name}:${s.entry.line}:${s.entry.column}: "${s.key}" is never cited.`),
			});
		}

		const citedSources = sources.filter((source) => isCited(source.key));
		const unchecked = citedSources.filter((source) => source.status === 'unchecked');
		if (unchecked.length > 0) {
			notes.push({
				summary:
					`${name}: ${unchecked.length.toLocaleString('en-US')} of ${plural(citedSources.length, 'cited source has', 'cited sources have')} no verification status ` +
					`(${someKeys(unchecked.map((s) => s.key))}); they show "Not yet checked". Add verification = {verified}, {likely} or {unverified} to each.`,
				details: unchecked.map((s) => `${name}:${s.entry.line}:${s.entry.column}: "${s.key}" has no verification status.`),
			});
		}
	}
	return notes;
}
