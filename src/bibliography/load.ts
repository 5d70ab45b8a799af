import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BibtexSyntaxError, parseBibtex, plainText, type BibEntry } from './parse-bibtex.ts';
import { lintEntries, type VerificationStatus } from './lint.ts';

export interface Source {
	key: string;
	entry: BibEntry;
	status: VerificationStatus;
	/** What was and was not confirmed about this source, plain text. */
	note: string | undefined;
	/** A link for the source: its DOI resolver URL, or its URL. */
	href: string | undefined;
}

export interface Bibliography {
	file: string;
	sources: Map<string, Source>;
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

const cache = new Map<string, { mtimeMs: number; bibliography: Bibliography }>();

/**
 * Reads and lints a bibliography once per change of the file; every brief
 * that shares it shares the result.
 */
export function loadBibliography(file: string): Bibliography {
	let mtimeMs: number;
	try {
		mtimeMs = statSync(file).mtimeMs;
	} catch {
		throw new Error(`${displayPath(file)}: bibliography not found. Create it, or fix "bibliography" in the brief's frontmatter.`);
	}
	const hit = cache.get(file);
	if (hit?.mtimeMs === mtimeMs) return hit.bibliography;

	const text = readFileSync(file, 'utf8');
	let entries: BibEntry[];
	try {
		entries = parseBibtex(text);
	} catch (error) {
		if (error instanceof BibtexSyntaxError) {
			throw new SourceError(file, error.line, error.column, `malformed BibTeX: ${error.reason}.`);
		}
		throw error;
	}
	const problem = lintEntries(entries)[0];
	if (problem) throw new SourceError(file, problem.line, problem.column, problem.message);

	const sources = new Map<string, Source>();
	for (const entry of entries) {
		const doi = entry.fields['doi'];
		const url = entry.fields['url'];
		const note = entry.fields['verificationnote'];
		sources.set(entry.key, {
			key: entry.key,
			entry,
			status: entry.fields['verification'] as VerificationStatus,
			note: note === undefined ? undefined : plainText(note),
			href: doi ? `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}` : url?.trim(),
		});
	}
	const bibliography = { file, sources };
	cache.set(file, { mtimeMs, bibliography });
	return bibliography;
}
