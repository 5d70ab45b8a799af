import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cslItemsOf, type CslItem } from '../bibliography/csl.ts';
import type { LintOptions } from '../bibliography/lint.ts';
import { loadBibliography, type Bibliography, type KeptReadings } from '../bibliography/load.ts';
import { CitationCache, digest, type CitationCacheOptions } from './cache.ts';
import {
	formatBrief,
	formatEntries,
	letterGroups,
	localeXml,
	styleFor,
	yearLetters,
	type ClusterInput,
	type Formatted,
	type Style,
} from './engine.ts';
import { locatorTerms } from './locators.ts';

/** `#bib-<key>`, percent-encoded where a key holds what a URL fragment may not (`#`, `%`, quotes, spaces). */
export const referenceHref = (key: string) => `#bib-${fragment(key)}`;

export const fragment = (id: string) => id.replace(/[^\p{L}\p{N}\-._~!$&'()*+,;=:@/?]/gu, (char) => encodeURIComponent(char));

/**
 * The citation stage of a build: the bibliography's CSL-JSON, each work's
 * year letter, and every formatted cluster, reference list and entry,
 * memoised by content and kept in the site's cache directory (cache.ts).
 * Each build's Markdown plugins share one, made by the sourced() integration
 * (integration/index.ts); pages, which Vite runs apart from the plugins,
 * have their own (page-stage.ts), reading and writing the same cache. Both
 * format with the same engine (engine.ts) and the same inputs, so they print
 * the same text.
 */
export class CitationStage {
	readonly cache: CitationCache;
	/** The locale citations are formatted in unless a call names another. */
	readonly locale: string;
	private readonly letterMemo = new Map<
		string,
		{ mtimeMs: number; groups: Map<string, CslItem[]>; letters: Map<CslItem[], Record<string, number>> }
	>();

	/** Where bibliographies' readings are kept, when the stage has a cache directory and knows the code's version. */
	private readonly readings: KeptReadings | undefined;

	constructor(options: CitationCacheOptions & { locale?: string | undefined; code?: string | undefined } = {}) {
		this.cache = new CitationCache(options);
		this.locale = options.locale ?? DEFAULT_LOCALE;
		const { cacheDir, code } = options;
		this.readings = cacheDir && code ? { dir: typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir), code } : undefined;
	}

	/**
	 * The bibliography in `file`, read once for the whole build: once per
	 * change of the file in each of the build's threads and in its pages, and
	 * then from the reading kept in the cache directory, so that the text is
	 * parsed once (load.ts).
	 */
	bibliography(file: string, lint: LintOptions = {}): Bibliography {
		return loadBibliography(file, lint, this.readings);
	}

	/** Every entry of the bibliography in `file` as CSL-JSON whose id is its key. */
	items(file: string): Map<string, CslItem> {
		return keyed(cslItemsOf(this.bibliography(file).sources));
	}

	/**
	 * The year letter (0 = a) of each of these works, fixed by all the works of
	 * its bibliography (engine.ts). Only the groups of works that could be
	 * confused with these are formatted, each once: a brief citing ten works
	 * of a 5,000-entry library costs ten groups, not the library.
	 */
	letters(bibFile: string, style: Style, keys: string[], locale = this.locale): Record<string, number> {
		const memo = `${bibFile}\0${style.id}\0${locale}`;
		const { mtimeMs } = statSync(bibFile);
		let known = this.letterMemo.get(memo);
		if (known?.mtimeMs !== mtimeMs)
			this.letterMemo.set(memo, (known = { mtimeMs, groups: letterGroups(this.items(bibFile).values()), letters: new Map() }));
		const out: Record<string, number> = {};
		for (const key of keys) {
			const group = known.groups.get(key);
			if (!group) continue;
			let letters = known.letters.get(group);
			if (!letters)
				known.letters.set(
					group,
					(letters = this.cache.get('letters', { style: style.id, locale, group }, () => yearLetters(style, locale, group), false)),
				);
			if (letters[key] !== undefined) out[key] = letters[key];
		}
		return out;
	}

	/** A brief's clusters and reference list, from the works it cites (in the order first cited). */
	brief(bibFile: string, csl: string, keys: string[], clusters: ClusterInput[], locale = this.locale): Formatted {
		const style = styleFor(csl);
		const all = this.items(bibFile);
		const items = keys.map((key) => all.get(key)!);
		const letters = this.letters(bibFile, style, keys, locale);
		return this.cache.get(
			'brief',
			{ style: style.id, locale, items, letters, clusters },
			() => formatBrief(style, locale, { items, letters }, clusters, referenceHref),
			false,
		);
	}

	/** Works of a bibliography as entries standing alone, with their year letters: previews, /references/, source pages. */
	entries(bibFile: string, csl: string, keys: string[], locale = this.locale): Record<string, string> {
		const style = styleFor(csl);
		const all = this.items(bibFile);
		const letters = this.letters(bibFile, style, keys, locale);
		return this.batch(
			'entry',
			style,
			locale,
			keys.map((key) => all.get(key)!),
			letters,
		);
	}

	/**
	 * Records that are not in a bibliography (a brief, its sections), each
	 * standing alone, with no year letters. Kept as one set: a brief's
	 * sections are formatted and read back together, never one by one.
	 */
	records(records: CslItem[], csl: string, locale = this.locale): Record<string, string> {
		const style = styleFor(csl);
		return this.cache.get(
			'records',
			{ style: style.id, locale, records },
			() => formatEntries(style, locale, { items: records, letters: {} }),
			false,
		);
	}

	/** Each item memoised on its own; those not yet formatted are formatted in one call. */
	private batch(kind: string, style: Style, locale: string, items: CslItem[], letters: Record<string, number>): Record<string, string> {
		const out: Record<string, string> = {};
		const missing: CslItem[] = [];
		const inputs = (item: CslItem) => ({ style: style.id, locale, item, letter: letters[item.id] });
		for (const item of items) {
			const hit = this.cache.peek<string>(kind, inputs(item));
			if (hit === undefined) missing.push(item);
			else out[item.id] = hit;
		}
		if (missing.length > 0) {
			const formatted = formatEntries(style, locale, {
				items: missing,
				letters: pick(
					letters,
					missing.map((item) => item.id),
				),
			});
			for (const item of missing) out[item.id] = this.cache.get(kind, inputs(item), () => formatted[item.id] ?? '');
		}
		return out;
	}
}

/** The locale of a stage, or of the locator terms, that names none. */
const DEFAULT_LOCALE = 'en-US';

const terms = new Map<string, Map<string, string>>();

/** The locator terms of a locale, for the parser (parse-locator.ts). */
export function termsFor(locale = DEFAULT_LOCALE): Map<string, string> {
	let found = terms.get(locale);
	if (!found) terms.set(locale, (found = locatorTerms(localeXml(locale))));
	return found;
}

const keyedMemo = new WeakMap<Map<string, CslItem>, Map<string, CslItem>>();

/** citation-js's items with each id set to the key as written, and without its private graph. */
function keyed(items: Map<string, CslItem>): Map<string, CslItem> {
	let found = keyedMemo.get(items);
	if (!found) {
		found = new Map([...items].map(([key, { _graph, ...item }]) => [key, { ...item, id: key }]));
		keyedMemo.set(items, found);
	}
	return found;
}

const pick = (letters: Record<string, number>, keys: string[]) =>
	Object.fromEntries(keys.filter((key) => letters[key] !== undefined).map((key) => [key, letters[key]!]));

export { digest };
