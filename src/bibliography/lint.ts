import { doiOf } from './identifiers.ts';
import type { BibEntry, Position } from './parse-bibtex.ts';

/**
 * A problem in a bibliography. An `error` fails the build: always when it has
 * no `keys` (the file cannot be read as written, or two entries collide), and
 * otherwise only when a brief cites one of its `keys`; problems in entries no
 * brief cites are summarised as a warning at the end of the build.
 */
export interface BibProblem extends Position {
	severity: 'error' | 'warning';
	message: string;
	/** The entries it concerns; none when it concerns the whole file. */
	keys: string[];
}

/**
 * Fields an entry type needs before it renders as it should, after biblatex's
 * data model: `a|b` means either will do, and fields inherited through
 * `crossref` or `xdata` count. Names are not required (CSL puts the title first
 * for an anonymous work; a book may have only an editor or a translator), nor
 * a publisher. Types not listed, including unknown ones, are read as `misc`.
 */
const REQUIRED: Record<string, string[]> = {
	article: ['title', 'journaltitle|journal', 'date|year'],
	book: ['title', 'date|year'],
	mvbook: ['title', 'date|year'],
	inbook: ['title', 'date|year'],
	booklet: ['title'],
	collection: ['title', 'date|year'],
	incollection: ['title', 'booktitle|maintitle', 'date|year'],
	proceedings: ['title', 'date|year'],
	inproceedings: ['title', 'booktitle|maintitle', 'date|year'],
	report: ['title', 'institution|school|publisher', 'date|year'],
	techreport: ['title', 'institution|school|publisher', 'date|year'],
	thesis: ['title', 'institution|school|publisher', 'date|year'],
	phdthesis: ['title', 'school|institution|publisher', 'date|year'],
	mastersthesis: ['title', 'school|institution|publisher', 'date|year'],
	online: ['title', 'url|doi|eprint'],
	unpublished: ['title'],
	misc: ['title|author|editor'],
};

/** Entry types that are not works: never listed, never cited. */
export const DATA_ONLY_TYPES = new Set(['xdata', 'set']);

/** What a `verification` field may say. */
export const VERIFICATION_STATUSES = ['verified', 'likely', 'unverified', 'unchecked'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
/** The statuses an author writes; `unchecked` is what an entry without one has. */
const WRITTEN: readonly string[] = ['verified', 'likely', 'unverified'];

export interface LintOptions {
	/** A missing `verification` is an error (`strictVerification` of sourced() in astro.config.ts). */
	strictVerification?: boolean;
}

/** Problems in parsed entries (with inheritance applied), in file order. Empty when all is well. */
export function lintEntries(entries: BibEntry[], { strictVerification = false }: LintOptions = {}): BibProblem[] {
	const problems: BibProblem[] = [];
	const keys = new Map<string, BibEntry>();
	const dois = new Map<string, BibEntry>();
	const error = (where: Position, message: string, ...keys: string[]) => problems.push({ ...at(where), severity: 'error', message, keys });

	for (const entry of entries) {
		const first = keys.get(entry.key.toLowerCase());
		if (first) {
			const same = first.key === entry.key ? '' : ` (as "${first.key}"; keys differ only in case)`;
			error(
				entry,
				`duplicate key "${entry.key}": it is already used by the @${first.type} at line ${first.line}${same}. Rename one of the two entries (and its citations) or delete the copy.`,
			);
		} else keys.set(entry.key.toLowerCase(), entry);
		if (DATA_ONLY_TYPES.has(entry.type)) continue;

		const rawDoi = entry.fields['doi'];
		const doi = doiOf(rawDoi)?.toLowerCase();
		if (rawDoi?.trim() && !doi) {
			error(
				entry.fieldPositions['doi'] ?? entry,
				`"${entry.key}" has doi = {${rawDoi.trim()}}, which is not a DOI. Write it as 10.xxxx/…, doi:10.xxxx/… or https://doi.org/10.xxxx/…, or move a link to "url".`,
				entry.key,
			);
		}
		if (doi && !entry.inherited?.['doi']) {
			const same = dois.get(doi);
			if (same) {
				error(
					entry.fieldPositions['doi'] ?? entry,
					`duplicate DOI "${doi}": "${entry.key}" and "${same.key}" (line ${same.line}) are the same work. Keep one entry and cite it everywhere.`,
					entry.key,
					same.key,
				);
			} else dois.set(doi, entry);
		}

		if (!entry.incomplete) {
			for (const need of REQUIRED[entry.type] ?? REQUIRED['misc']!) {
				const options = need.split('|');
				if (options.some((field) => entry.fields[field]?.trim())) continue;
				const via = entry.fields['crossref'] ? ` (nor from its crossref "${entry.fields['crossref'].trim()}")` : '';
				error(
					entry,
					`@${entry.type} "${entry.key}" has no ${options.map((f) => `"${f}"`).join(' or ')} field${via}. Add it, or use an entry type that fits the work.`,
					entry.key,
				);
			}
		}

		const status = entry.fields['verification']?.trim();
		if (status === undefined) {
			if (strictVerification) {
				error(
					entry,
					`"${entry.key}" has no "verification" field, and this site requires one (strictVerification: true in astro.config.ts). Add verification = {verified}, {likely} or {unverified}, and a verificationnote saying what was checked.`,
					entry.key,
				);
			}
		} else if (!WRITTEN.includes(status.toLowerCase())) {
			error(
				entry.fieldPositions['verification'] ?? entry,
				`"${entry.key}" has verification = {${status}}; use one of ${WRITTEN.join(', ')} (or leave the field out: "Not yet checked").`,
				entry.key,
			);
		}
	}
	return problems;
}

/** The status an entry shows: what its `verification` field says, or `unchecked`. */
export function statusOf(entry: BibEntry): VerificationStatus {
	const status = entry.fields['verification']?.trim().toLowerCase();
	return status && WRITTEN.includes(status) ? (status as VerificationStatus) : 'unchecked';
}

const at = ({ line, column }: Position): Position => ({ line, column });
