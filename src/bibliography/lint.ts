import type { BibEntry, Position } from './parse-bibtex.ts';

export interface BibProblem extends Position {
	message: string;
}

/**
 * Fields each entry type needs before a reader can find the work. `a|b`
 * means either will do. Types not listed need only the verification fields.
 */
const REQUIRED: Record<string, string[]> = {
	article: ['author', 'title', 'journal', 'year|date'],
	book: ['author|editor', 'title', 'publisher', 'year|date'],
	incollection: ['author', 'title', 'booktitle', 'publisher', 'year|date'],
	inproceedings: ['author', 'title', 'booktitle', 'year|date'],
	techreport: ['author', 'title', 'institution', 'year|date'],
	report: ['author', 'title', 'institution', 'year|date'],
	phdthesis: ['author', 'title', 'school', 'year|date'],
	online: ['title', 'url'],
	misc: ['author|editor|title'],
};

/** What a `verification` field may say. */
export const VERIFICATION_STATUSES = ['verified', 'likely', 'unverified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
const STATUSES: readonly string[] = VERIFICATION_STATUSES;

/** Problems in a parsed bibliography, in file order. Empty when all is well. */
export function lintEntries(entries: BibEntry[]): BibProblem[] {
	const problems: BibProblem[] = [];
	const keys = new Map<string, BibEntry>();
	const dois = new Map<string, BibEntry>();
	for (const entry of entries) {
		const first = keys.get(entry.key.toLowerCase());
		if (first) {
			problems.push({
				...at(entry),
				message: `duplicate key "${entry.key}": it is already used by the @${first.type} at line ${first.line}. Rename one of the two entries (and its citations) or delete the copy.`,
			});
		} else keys.set(entry.key.toLowerCase(), entry);

		const doi = entry.fields['doi']?.trim().toLowerCase().replace(/^https?:\/\/(dx\.)?doi\.org\//, '');
		if (doi) {
			const same = dois.get(doi);
			if (same) {
				problems.push({
					...(entry.fieldPositions['doi'] ?? at(entry)),
					message: `duplicate DOI "${doi}": "${entry.key}" and "${same.key}" (line ${same.line}) are the same work. Keep one entry and cite it everywhere.`,
				});
			} else dois.set(doi, entry);
		}

		for (const need of REQUIRED[entry.type] ?? []) {
			const options = need.split('|');
			if (!options.some((field) => entry.fields[field]?.trim())) {
				problems.push({
					...at(entry),
					message: `@${entry.type} "${entry.key}" has no ${options.map((f) => `"${f}"`).join(' or ')} field. Add it, or use an entry type that fits the work.`,
				});
			}
		}

		const status = entry.fields['verification']?.trim();
		if (status === undefined) {
			problems.push({
				...at(entry),
				message: `"${entry.key}" has no "verification" field. Add verification = {verified}, {likely} or {unverified}, and a verificationnote saying what was checked.`,
			});
		} else if (!STATUSES.includes(status)) {
			problems.push({
				...(entry.fieldPositions['verification'] ?? at(entry)),
				message: `"${entry.key}" has verification = {${status}}; use one of ${STATUSES.join(', ')}.`,
			});
		}
	}
	return problems;
}

const at = (entry: BibEntry): Position => ({ line: entry.line, column: entry.column });
