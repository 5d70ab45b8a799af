import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { touch } from '../utils/cache-files.ts';
import { packageVersions } from '../utils/package-versions.ts';
import { writeWhole } from '../utils/write-whole.ts';

/** Where the citation stage keeps formatted work between builds; set once Astro knows its cache directory. */
export interface CitationCacheOptions {
	/**
	 * The site's cache directory (Astro's `cacheDir`, or sourced({ cacheDir })),
	 * handed to the build's stage by the integration and to the pages' by
	 * `virtual:sourced/config`; without it, work is kept for this process only.
	 */
	cacheDir?: URL | string | undefined;
	/**
	 * The project whose installed citeproc-js and citation-js format the
	 * citations: their versions are part of every key kept in `cacheDir`.
	 */
	root?: string | undefined;
}

/**
 * The version of what the stage prints for the same inputs: part of every
 * key, so that a cache written by older formatting code is never read back.
 * Raise it with any change to how citations, entries or records are
 * formatted (engine.ts, mdast.ts, html.ts, abbreviations.ts).
 */
export const FORMAT_VERSION = 4;

/** A stable digest of any JSON value. */
export const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/**
 * Work memoised by content (style, locale, the items' CSL-JSON, the
 * clusters): in memory for this build, and as one small JSON file per key in
 * `<cacheDir>/sourced-citations/`, so an unchanged brief is not formatted again
 * on the next build. A key holds all its inputs, so nothing is ever stale;
 * a file no build has read for a month is pruned (utils/cache-files.ts).
 */
export class CitationCache {
	private readonly memory = new Map<string, unknown>();

	private readonly options: CitationCacheOptions;

	/** What formats besides the code (FORMAT_VERSION): citeproc-js and citation-js (an upgrade can print a citation differently), and Node and its ICU, which sorts entries. */
	private readonly formatters: string;

	constructor(options: CitationCacheOptions = {}) {
		this.options = options;
		this.formatters = formatters(options.root ?? process.cwd());
	}

	/**
	 * The value for these inputs: kept, or computed and kept. `shared: false`
	 * for work only one page needs (a brief's clusters), which is then not held
	 * in memory for the rest of the build.
	 */
	get<T>(kind: string, inputs: unknown, compute: () => T, shared = true): T {
		const key = this.keyOf(kind, inputs);
		let value = this.read<T>(key);
		if (value === undefined) {
			value = compute();
			const file = this.file(key);
			if (file) write(file, value);
		}
		if (shared) this.memory.set(key, value);
		else this.memory.delete(key);
		return value;
	}

	/** What is kept for these inputs, if anything. */
	peek<T>(kind: string, inputs: unknown): T | undefined {
		return this.read<T>(this.keyOf(kind, inputs));
	}

	private keyOf(kind: string, inputs: unknown): string {
		return `${kind}-${digest({ version: FORMAT_VERSION, formatters: this.formatters, inputs })}`;
	}

	private read<T>(key: string): T | undefined {
		if (this.memory.has(key)) return this.memory.get(key) as T;
		const file = this.file(key);
		if (!file) return undefined;
		try {
			const value = JSON.parse(readFileSync(file, 'utf8')) as T;
			this.memory.set(key, value);
			// Used by this build: kept by the next prune (utils/cache-files.ts).
			touch(file);
			return value;
		} catch {
			return undefined;
		}
	}

	private file(key: string): string | undefined {
		const dir = this.options.cacheDir;
		if (!dir) return undefined;
		const root = typeof dir === 'string' ? dir : fileURLToPath(dir);
		return path.join(root, 'sourced-citations', key.slice(0, key.indexOf('-') + 3), `${key}.json`);
	}
}

const formatters = (root: string) =>
	`${packageVersions(root, ['citeproc', '@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex'])} node@${process.versions.node} icu@${process.versions.icu ?? '?'}`;

function write(file: string, value: unknown): void {
	writeWhole(file, JSON.stringify(value));
}
