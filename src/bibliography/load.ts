import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { touch } from '../utils/cache-files.ts';
import { writeWhole } from '../utils/write-whole.ts';
import type { CslItem } from '@citation-js/core';
import { doiOf, doiUrl } from './identifiers.ts';
import { resolveInheritance } from './inherit.ts';
import { DATA_ONLY_TYPES, lintEntries, statusOf, type BibProblem, type LintOptions, type VerificationStatus } from './lint.ts';
import { plainText, readBibtex, type BibEntry, type BibtexProblem } from './parse-bibtex.ts';
import { preambleMacros } from './preamble.ts';
import { toCsl } from './to-csl.ts';

export interface Source {
	/** The key exactly as the author wrote it. */
	key: string;
	/** The entry as parsed, with fields inherited through crossref and xdata. */
	entry: BibEntry;
	/** What its `verification` field says, or `unchecked` when it has none. */
	status: VerificationStatus;
	/** What was and was not confirmed about this source, plain text. */
	note: string | undefined;
	/** A link for the source: its DOI resolver URL, or its URL. */
	href: string | undefined;
	/** The entry as CSL-JSON (id = key), from the same parse. */
	csl: CslItem;
}

export interface Bibliography {
	file: string;
	/** Every work of the file, by key as written, in file order. */
	sources: Map<string, Source>;
	/** Every problem of the file (syntax, inheritance, lint, formatting), in file order. */
	problems: BibProblem[];
}

/** An error in an author's input, printed as `file:line:column: message`. */
export class SourceError extends Error {
	constructor(file: string, line: number, column: number, message: string) {
		super(`${displayPath(file)}:${line}:${column}: ${message}`);
		this.name = 'SourceError';
	}
}

export function displayPath(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative.startsWith('..') ? file : relative;
}

/**
 * A bibliography's text read once into everything the site needs: one parse
 * (parse-bibtex.ts), inheritance applied (inherit.ts), then the lint and the
 * CSL-JSON from the same entries. Problems are collected, never thrown.
 */
export function readBibliography(text: string, file: string, options: LintOptions = {}): Bibliography {
	return linted(prepare(text, file), options);
}

/** A bibliography read and converted, before the lint, which alone depends on the site's options. */
interface Prepared {
	file: string;
	sources: Map<string, Source>;
	entries: BibEntry[];
	/** Problems of syntax and inheritance, then of the conversion to CSL-JSON. */
	before: BibProblem[];
	after: BibProblem[];
}

function prepare(text: string, file: string): Prepared {
	const parsed = readBibtex(text);
	const inherited = resolveInheritance(parsed.entries);
	const works = inherited.entries.filter((entry) => !DATA_ONLY_TYPES.has(entry.type));
	const csl = toCsl(works, preambleMacros(parsed.preambles));
	const sources = new Map<string, Source>();
	for (const entry of works) {
		if (sources.has(entry.key)) continue;
		const doi = doiOf(entry.fields['doi']) ?? doiOf(entry.fields['url'], { urlOnly: true });
		const note = entry.fields['verificationnote'];
		sources.set(entry.key, {
			key: entry.key,
			entry,
			status: statusOf(entry),
			note: note === undefined ? undefined : plainText(note),
			href: doi ? doiUrl(doi) : entry.fields['url']?.trim() || csl.items.get(entry.key)?.URL,
			csl: csl.items.get(entry.key)!,
		});
	}
	return {
		file,
		sources,
		entries: inherited.entries,
		before: [...parsed.problems.map((p) => fromSyntax(p, 'malformed BibTeX: ')), ...inherited.problems.map((p) => fromSyntax(p))],
		after: csl.problems.map((p) => fromSyntax(p)),
	};
}

/** The bibliography with every problem, the lint's under these options included, in file order. */
function linted({ file, sources, entries, before, after }: Prepared, options: LintOptions): Bibliography {
	const problems = [...before, ...lintEntries(entries, options), ...after].sort((a, b) => a.line - b.line || a.column - b.column);
	return { file, sources, problems };
}

const fromSyntax = (problem: BibtexProblem, prefix = ''): BibProblem => ({
	line: problem.line,
	column: problem.column,
	severity: 'error',
	message: `${prefix}${problem.reason}${/[.?!]$/.test(problem.reason) ? '' : '.'}`,
	keys: problem.key === undefined ? [] : [problem.key],
});

const cache = new Map<string, { mtimeMs: number; prepared: Prepared; linted: Map<boolean, Bibliography> }>();

/**
 * Where a bibliography's reading is kept between the stages of a build and
 * between builds: the site's cache directory, and the version of the code
 * that reads it (utils/code-version.ts), part of each reading's name.
 */
export interface KeptReadings {
	dir: string;
	code: string;
}

/**
 * Reads a bibliography once per change of the file; every brief that shares
 * it shares the result. Throws only when the file cannot be read at all: its
 * problems are in `problems`, for `bibliographyErrors` to report. `options`
 * are the site's (`strictVerification`, astro.config.ts): only the lint is
 * run again for other options, never the parse or the conversion.
 *
 * With `kept`, the reading is also kept as a file named by the text and the
 * code, so that the other stages of the build (the compile thread, the
 * pages, which Vite runs apart from the plugins) and the next builds read it
 * back instead of parsing the text again: at 5,000 entries, a parse and
 * conversion takes about 0.6 s.
 */
export function loadBibliography(file: string, options: LintOptions = {}, kept?: KeptReadings): Bibliography {
	let mtimeMs: number;
	try {
		mtimeMs = statSync(file).mtimeMs;
	} catch {
		throw new Error(`${displayPath(file)}: bibliography not found. Create it, or fix "bibliography" in the brief's frontmatter.`);
	}
	let hit = cache.get(file);
	if (hit?.mtimeMs !== mtimeMs)
		cache.set(file, (hit = { mtimeMs, prepared: prepareKept(readFileSync(file, 'utf8'), file, kept), linted: new Map() }));
	const strict = options.strictVerification === true;
	let bibliography = hit.linted.get(strict);
	if (!bibliography) hit.linted.set(strict, (bibliography = linted(hit.prepared, options)));
	return bibliography;
}

/** A reading as kept: every entry once, each source naming its entry by index. */
interface KeptReading {
	entries: BibEntry[];
	sources: (Omit<Source, 'entry'> & { entry: number })[];
	before: BibProblem[];
	after: BibProblem[];
}

function prepareKept(text: string, file: string, kept: KeptReadings | undefined): Prepared {
	if (!kept) return prepare(text, file);
	const name = createHash('sha256').update(kept.code).update('\0').update(text).digest('hex').slice(0, 32);
	const keptFile = path.join(kept.dir, 'sourced-bibliographies', `${name}.json`);
	try {
		const prepared = revive(JSON.parse(readFileSync(keptFile, 'utf8')) as KeptReading, file);
		// Used by this build: kept by the next prune (integrations/cache-prune.ts).
		touch(keptFile);
		return prepared;
	} catch {
		// Not read before by this code, or unreadable: read it now.
	}
	const prepared = prepare(text, file);
	writeWhole(keptFile, JSON.stringify(keep(prepared)));
	return prepared;
}

function keep({ entries, sources, before, after }: Prepared): KeptReading {
	const index = new Map(entries.map((entry, i) => [entry, i]));
	return { entries, sources: [...sources.values()].map((source) => ({ ...source, entry: index.get(source.entry)! })), before, after };
}

function revive({ entries, sources, before, after }: KeptReading, file: string): Prepared {
	return {
		file,
		entries,
		sources: new Map(sources.map((source) => [source.key, { ...source, entry: entries[source.entry]! }])),
		before,
		after,
	};
}

/** `file:line:column: message` of a problem. */
export const formatProblem = (file: string, problem: BibProblem) =>
	`${displayPath(file)}:${problem.line}:${problem.column}: ${problem.message}`;

/**
 * The errors that fail a build citing `cited` from this bibliography: every
 * error about the file as a whole, and those about an entry it cites. With no
 * `cited`, every error.
 */
export function bibliographyErrors(bibliography: Bibliography, cited?: Iterable<string>): string[] {
	const keys = cited ? new Set([...cited].map((key) => key.toLowerCase())) : undefined;
	return bibliography.problems
		.filter((p) => p.severity === 'error' && (!keys || p.keys.length === 0 || p.keys.some((key) => keys.has(key.toLowerCase()))))
		.map((p) => formatProblem(bibliography.file, p));
}
