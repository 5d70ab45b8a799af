import { readFileSync, statSync } from 'node:fs';
import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { digest } from './cache.ts';
import { classesForStyles } from './html.ts';

/**
 * The one formatting engine of the build: citation-js's citeproc engine for
 * a (style, locale), which citation-js creates once and keeps. Each call
 * registers the items it formats (`updateItems`), then formats clusters
 * (`makeCitationCluster`) and the bibliography (`makeBibliography`) from
 * that one registration, synchronously, so that calls for different briefs
 * never interleave. Year letters come from the caller (`letters`): a work's
 * letter is fixed by its whole bibliography (see README, "Year letters"),
 * so it is the same in every brief and on every page.
 */

interface Registry {
	registry: Record<string, { disambig: { year_suffix: number | false }; seq: number } | undefined>;
}
interface CiteprocEngine {
	disambiguate: { modes: string[] };
	opt: { development_extensions: Record<string, boolean>; xclass: string };
	sys: {
		wrapCitationEntry?: (html: string, id: string | undefined) => string;
		/** citation-js's hook: what to put before and after an entry of the bibliography, given its item's `system_id`. */
		wrapBibliographyEntry?: (id: string | undefined) => [string, string];
	};
	citation: {
		opt: { layout_prefix?: string; layout_suffix?: string; layout_delimiter?: string; collapse?: unknown; cite_group_delimiter?: string };
	};
	bibliography: { opt: Record<string, unknown> };
	/** The style's sort of the cites in a citation (APA's, Harvard's: by author, then year); no tokens when it has none. */
	citation_sort: { tokens: unknown[] };
	/** The style's sort of its bibliography; no tokens when it has none (then entries are in the order registered). */
	bibliography_sort: { tokens: unknown[] };
	registry: Registry;
	updateItems(ids: string[]): void;
	makeCitationCluster(items: CiteprocItem[]): string;
	makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}
interface CiteprocItem {
	id: string;
	prefix?: string;
	suffix?: string;
	locator?: string;
	label?: string;
	'suppress-author'?: boolean;
	'author-only'?: boolean;
}
interface CslPlugin {
	engine(data: CslItem[], style: string, locale: string, format: string): CiteprocEngine;
	styles: { has(name: string): boolean; add(name: string, xml: string): void; get(name: string): string };
	locales: { get(name: string): string };
}

const csl = plugins.config.get('@csl') as unknown as CslPlugin;

/** A CSL style, registered with citation-js once, under a name that changes when its file does. */
export interface Style {
	name: string;
	/** Digest of the style's XML, for cache keys. */
	id: string;
}

const styleFiles = new Map<string, { mtimeMs: number; style: Style }>();

/** A bundled style by name, or a .csl file by absolute path. */
export function styleFor(nameOrFile: string): Style {
	if (csl.styles.has(nameOrFile)) return { name: nameOrFile, id: digest(csl.styles.get(nameOrFile)) };
	const { mtimeMs } = statSync(nameOrFile);
	const hit = styleFiles.get(nameOrFile);
	if (hit?.mtimeMs === mtimeMs) return hit.style;
	const xml = readFileSync(nameOrFile, 'utf8');
	const id = digest(xml);
	const name = `sourced-${id}`;
	if (!csl.styles.has(name)) csl.styles.add(name, xml);
	const style = { name, id };
	styleFiles.set(nameOrFile, { mtimeMs, style });
	return style;
}

/** The locale's XML (for its locator terms). */
export const localeXml = (locale: string) => csl.locales.get(locale) ?? csl.locales.get('en-US');

/** One cited work in a cluster; prefix and suffix are HTML (`<i>`, `<b>`) that citeproc escapes and keeps. */
export interface ClusterItem {
	key: string;
	prefix?: string;
	suffix?: string;
	locator?: string;
	label?: string;
	suppressAuthor?: boolean;
}

export interface ClusterInput {
	/** The first item is the author in the text (`@key says`). */
	narrative: boolean;
	items: ClusterItem[];
}

export interface Formatted {
	/** Each cluster as HTML, its works linked to `#bib-<key>`. */
	clusters: string[];
	/** The reference list, in the style's order. */
	bibliography: { key: string; html: string }[];
}

/** Items registered under their keys, with each item's year letter (0 = a) or none. */
export interface ItemSet {
	items: CslItem[];
	letters: Record<string, number>;
}

const PREFIX_END = '\u0001';
/** A no-break space in a prefix (citations/abbreviations.ts), hidden from citeproc-js, which makes every space of a prefix a plain one. */
const NBSP_MARK = '\ue000';
const keepNbsp = (html: string) => html.replaceAll('\u00a0', NBSP_MARK);
const SUFFIX_START = '\u0002';
const CITE_END = '\u0003';

/** Formats a brief: its clusters and its reference list, from one registration of the items it cites. */
export function formatBrief(
	style: Style,
	locale: string,
	set: ItemSet,
	clusters: ClusterInput[],
	href: (key: string) => string,
): Formatted {
	return withEngine(style, locale, set, (engine) => {
		const formatted = clusters.map((cluster) => formatCluster(engine, cluster, href));
		return { clusters: formatted, bibliography: bibliographyOf(engine) };
	});
}

/**
 * Each item as a bibliography entry standing on its own (no "———" for a
 * repeated author), with the year letter the caller gives it; one
 * registration and one `makeBibliography` for them all.
 */
export function formatEntries(style: Style, locale: string, set: ItemSet): Record<string, string> {
	return withEngine(
		style,
		locale,
		set,
		(engine) => {
			const options = engine.bibliography.opt;
			const substitute = options['subsequent-author-substitute'];
			delete options['subsequent-author-substitute'];
			try {
				return Object.fromEntries(bibliographyOf(engine).map(({ key, html }) => [key, html]));
			} finally {
				if (substitute !== undefined) options['subsequent-author-substitute'] = substitute;
			}
		},
		'entries',
	);
}

/** Marks around a bibliography entry's id (bibliographyOf); apart from the cluster marks (U+0001–U+0004). */
const ENTRY_ID_START = '\u0005';
const ENTRY_ID_END = '\u0006';

/**
 * The registered items' bibliography, each entry named by the key it
 * formats: citeproc lists the ids of every item but leaves out an entry
 * that prints nothing, so ids and entries cannot be paired by position.
 * Each entry is marked with its id (citation-js's `wrapBibliographyEntry`,
 * given the item's `system_id`), which is read and taken off. The one entry
 * citeproc writes without an item (a numeric style's "[CSL STYLE ERROR:
 * reference with no printed form.]", which stands in for a work that prints
 * nothing) comes with no id; numeric styles print an entry for every work,
 * so there the position names it.
 */
function bibliographyOf(engine: CiteprocEngine): { key: string; html: string }[] {
	engine.sys.wrapBibliographyEntry = (id) => [`${ENTRY_ID_START}${id ?? ''}${ENTRY_ID_END}`, ''];
	try {
		const bibliography = engine.makeBibliography();
		if (!bibliography) return [];
		const [{ entry_ids }, entries] = bibliography;
		return entries.map((html, i) => {
			const start = html.indexOf(ENTRY_ID_START);
			const end = html.indexOf(ENTRY_ID_END, start);
			if (start < 0 || end < 0) throw new Error(`citeproc printed a bibliography entry without its mark: ${html}`);
			const key = html.slice(start + 1, end) || (entries.length === entry_ids.length ? entry_ids[i]?.[0] : undefined);
			if (!key) throw new Error(`citeproc printed a bibliography entry for no work it was given: ${html}`);
			return { key, html: unwrapEntry(html.slice(0, start) + html.slice(end + 1)) };
		});
	} finally {
		delete engine.sys.wrapBibliographyEntry;
	}
}

/**
 * The works that could be confused with one another (same first author or
 * title, same year), each group keyed by its works' keys: only they can
 * carry year letters. Works of different groups never share a citation's
 * text, so citeproc gives a group the same letters alone as among all the
 * works of the bibliography.
 */
export function letterGroups(items: Iterable<CslItem>): Map<string, CslItem[]> {
	const groups = new Map<string, CslItem[]>();
	for (const item of items) {
		const who = item.author?.[0] ?? item.editor?.[0];
		const key = `${who?.family ?? who?.literal ?? item.title ?? ''}\0${item.issued?.['date-parts']?.[0]?.[0] ?? ''}`;
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	const byKey = new Map<string, CslItem[]>();
	for (const group of groups.values()) if (group.length > 1) for (const item of group) byKey.set(item.id, group);
	return byKey;
}

/** The year letter citeproc gives each work of a group (letterGroups) registered together. */
export function yearLetters(style: Style, locale: string, group: CslItem[]): Record<string, number> {
	return withEngine(
		style,
		locale,
		{ items: group, letters: {} },
		(engine) => {
			const letters: Record<string, number> = {};
			for (const item of group) {
				const suffix = engine.registry.registry[item.id]?.disambig.year_suffix;
				if (typeof suffix === 'number' || (typeof suffix === 'string' && suffix !== '')) letters[item.id] = Number(suffix);
			}
			return letters;
		},
		'letters',
	);
}

/**
 * What a registration is for: `cites` (clusters and a reference list, with
 * the caller's year letters), `entries` (entries alone, with the caller's
 * letters) or `letters` (citeproc's own). Entries skip citeproc's
 * disambiguation, which only changes citations (it is off in a bibliography,
 * and the letters are the caller's): for a brief's sections, all by the same
 * authors in the same year, it was a third of their cost. Entries are also
 * registered unsorted, unless the style prints citation numbers anywhere:
 * each entry is read back by its id (bibliographyOf), and only a number
 * (`citation-number`) could show the order (a repeated author's "———" is
 * turned off, the year letters are the caller's). Sorting was a fifth of
 * the cost of a brief's sections in Chicago's style.
 * citation-js empties the engine's registry whenever it hands the engine out,
 * so no registration keeps items from another.
 */
type Use = 'cites' | 'entries' | 'letters';

const numbered = new Map<string, boolean>();
/** Whether the style prints citation numbers anywhere (then its bibliography's order shows). */
function numbers(style: Style): boolean {
	let found = numbered.get(style.name);
	if (found === undefined) numbered.set(style.name, (found = csl.styles.get(style.name).includes('citation-number')));
	return found;
}

function withEngine<T>(style: Style, locale: string, set: ItemSet, work: (engine: CiteprocEngine) => T, use: Use = 'cites'): T {
	// citeproc wraps a cite for wrapCitationEntry only when its item has a `system_id`.
	const engine = csl.engine(
		set.items.map((item) => ({ ...item, system_id: item.id })),
		style.name,
		locale,
		'html',
	);
	const extensions = engine.opt.development_extensions;
	const modes = engine.disambiguate.modes;
	const sort = engine.bibliography_sort.tokens;
	try {
		if (use === 'entries') {
			engine.disambiguate.modes = [];
			if (!numbers(style)) engine.bibliography_sort.tokens = [];
		}
		engine.updateItems(set.items.map((item) => item.id));
		engine.disambiguate.modes = modes;
		engine.bibliography_sort.tokens = sort;
		if (use !== 'letters') {
			for (const item of set.items) {
				const entry = engine.registry.registry[item.id];
				if (entry) entry.disambig.year_suffix = set.letters[item.id] ?? false;
			}
		}
		return work(engine);
	} finally {
		engine.disambiguate.modes = modes;
		engine.bibliography_sort.tokens = sort;
		extensions['apply_citation_wrapper'] = false;
		delete engine.sys.wrapCitationEntry;
	}
}

/**
 * A cluster as HTML. Each work is linked without its prefix and suffix (as
 * Pandoc links them): citeproc wraps each cite (`wrapCitationEntry`), and
 * two marks it keeps (U+0001 after the prefix, U+0002 before the suffix)
 * show where the link starts and ends. An author-in-text citation is the
 * author alone, then the rest of the cluster with the author suppressed.
 */
function formatCluster(engine: CiteprocEngine, cluster: ClusterInput, href: (key: string) => string): string {
	const { layout_prefix: open = '', layout_suffix: close = '' } = engine.citation.opt;
	const extensions = engine.opt.development_extensions;
	let bare = false;
	// The ids of the cites in the order citeproc printed them, while that order is being read (sortedByStyle; whether a run kept ours).
	let printed: string[] | undefined;
	const link = (key: string, html: string) => (bare ? html : `<a href="${href(key)}">${html}</a>`);
	engine.sys.wrapCitationEntry = (html: string, cited: string | undefined) => {
		// A numeric style renders its numbers on another path, without the item's id: find it by its number.
		const id = cited ?? bySeq(engine, cluster, html);
		if (id === undefined) return html;
		printed?.push(id);
		const start = html.indexOf(PREFIX_END);
		const end = html.lastIndexOf(SUFFIX_START);
		const prefix = start < 0 ? '' : html.slice(0, start);
		const core = html.slice(start < 0 ? 0 : start + 1, end < 0 ? html.length : end);
		const suffix = end < 0 ? '' : html.slice(end + 1);
		// A cite the style prints nothing of (MLA's with its author suppressed): its prefix and suffix, or nothing at all.
		if (
			!core
				.replace(NO_PRINTED_FORM, '')
				.replace(/<[^>]*>/g, '')
				.trim()
		) {
			const affixes = `${prefix.trimEnd()}${suffix}`;
			return `${affixes.trim() ? affixes : EMPTY_CITE}${CITE_END}`;
		}
		const lead = core.match(/^\s*/)![0];
		const trail = core.match(/\s*$/)![0];
		return `${prefix}${lead}${link(id, core.trim())}${trail}${suffix}${CITE_END}`;
	};
	const item = (cite: ClusterItem): CiteprocItem => ({
		id: cite.key,
		// Pandoc puts a space after any prefix: "(cf. Doe 2005)", "(( Doe 2005)".
		...(cite.prefix ? { prefix: `${keepNbsp(cite.prefix)} ${PREFIX_END}` } : {}),
		...(cite.suffix ? { suffix: `${SUFFIX_START}${/^[\p{L}\p{N}<]/u.test(cite.suffix) ? ' ' : ''}${cite.suffix}` } : {}),
		...(cite.locator ? { locator: dashes(cite.locator), label: cite.label ?? 'page' } : {}),
		...(cite.suppressAuthor ? { 'suppress-author': true } : {}),
	});
	const authors = new Map<string, string>();
	const authorOf = (key: string) => {
		let author = authors.get(key);
		if (author === undefined) authors.set(key, (author = engine.makeCitationCluster([{ id: key, 'author-only': true }])));
		return author;
	};
	/** The cluster's cites as HTML; `narrative`: the first is the author in the text, and stays first whatever the style's sort. */
	const cites = (items: ClusterItem[], narrative = false) => {
		extensions['apply_citation_wrapper'] = true;
		try {
			if (!collapsesYears(engine))
				return styled(withoutEmptyCites(engine, engine.makeCitationCluster(items.map(item)).replaceAll(CITE_END, ''))).replaceAll(
					NBSP_MARK,
					'\u00a0',
				);
			const { layout_delimiter: delimiter = '; ' } = engine.citation.opt;
			// A style that sorts a citation's cites (APA, Harvard) sorts them before they are grouped, as Pandoc's citeproc does.
			const [head, ...tail] = items;
			const sorted =
				engine.citation_sort.tokens.length === 0 || items.length < 2
					? items
					: narrative && head
						? [head, ...(tail.length > 1 ? sortedByStyle(tail) : tail)]
						: sortedByStyle(items);
			const groups = groupCites(sorted, authorOf);
			// Each run formatted alone, so that citeproc, which drops a name repeated from the cite before, keeps it where Pandoc does;
			// the author in the text keeps its year first, where a sorting style would put it wherever its work sorts.
			const runs =
				narrative && engine.citation_sort.tokens.length > 0
					? [[groups[0]!], ...citeprocRuns(groups.slice(1), authorOf)]
					: citeprocRuns(groups, authorOf);
			const html = runs
				.map((run) => {
					printed = [];
					const formatted = engine.makeCitationCluster(run.flat().map(item));
					const inOrder =
						printed.join('\0') ===
						run
							.flat()
							.map((cite) => cite.key)
							.join('\0');
					printed = undefined;
					// Where the style's sort moved a cite after all (the author in the text, kept first), citeproc's own joins stand.
					return inOrder ? joinGroups(engine, run, formatted) : formatted.replaceAll(CITE_END, '');
				})
				.join(delimiter);
			return styled(withoutEmptyCites(engine, html)).replaceAll(NBSP_MARK, '\u00a0');
		} finally {
			extensions['apply_citation_wrapper'] = false;
		}
	};

	/** The cites in the order the style's citation sort puts them: citeproc prints them once, and the order is read off. */
	const sortedByStyle = (items: ClusterItem[]): ClusterItem[] => {
		printed = [];
		try {
			engine.makeCitationCluster(items.map(item));
			const left = [...items];
			const order: ClusterItem[] = [];
			for (const id of printed) {
				const at = left.findIndex((cite) => cite.key === id);
				if (at < 0) return items;
				order.push(...left.splice(at, 1));
			}
			return left.length === 0 ? order : items;
		} finally {
			printed = undefined;
		}
	};

	const [first, ...rest] = cluster.items;
	if (!first) return '';
	if (cluster.narrative) {
		const author = styled(authorOf(first.key)).trim();
		// A numeric style has no author form ("[NO_PRINTED_FORM]"): the citation is then the cluster itself.
		if (/[\p{L}\p{N}]/u.test(author) && !author.includes('NO_PRINTED_FORM')) {
			const own = { ...first, suppressAuthor: true };
			if (rest.length === 0 && !first.suffix) {
				// One work: one link over "Author (year, locator)", or the author alone where the style prints nothing more (MLA).
				bare = true;
				const inner = cites([own]);
				bare = false;
				return link(first.key, inner ? `${author} ${open}${inner}${close}` : author);
			}
			const inner = cites([own, ...rest], true);
			return inner ? `${link(first.key, author)} ${open}${inner}${close}` : link(first.key, author);
		}
	}
	const inner = cites(cluster.items);
	// Nothing printed at all (`[-@key]` in MLA): nothing, as Pandoc prints, not an empty pair of parentheses.
	return inner ? `${open}${inner}${close}` : '';
}

/**
 * CSL 1.0.1 cite grouping, as Pandoc's citeproc does it and citeproc-js
 * does not for a style without a citation sort (`collapse="year…"`): a
 * cite by the author of an earlier one moves next to it, into its group,
 * and is printed without the name (`[@doe05; @roe07; @doe06]` → "Doe 2005,
 * 2006; Roe 2007"). Neither a cite with a prefix nor one with a suffix
 * joins a group (`[@doe05; see @doe06]` → "Doe 2005; see Doe 2006"); a
 * cite with a prefix starts one that later cites may join ("see Doe 2005,
 * 2006"), and nothing joins a cite with a suffix. A cite whose author is
 * suppressed joins like any other (`[@doe05; -@doe06]` → "Doe 2005, 2006").
 */
function groupCites(items: ClusterItem[], authorOf: (key: string) => string): ClusterItem[][] {
	const groups: ClusterItem[][] = [];
	const open = new Map<string, ClusterItem[]>();
	for (const cite of items) {
		const author = authorOf(cite.key);
		const group = open.get(author);
		if (group && !cite.prefix && !cite.suffix) {
			group.push(cite);
			continue;
		}
		const own = [cite];
		groups.push(own);
		if (cite.suffix) open.delete(author);
		else open.set(author, own);
	}
	return groups;
}

/**
 * The groups in the runs citeproc formats together: a new run wherever a
 * group follows one by the same author, which citeproc would otherwise
 * join, dropping the name Pandoc prints ("Doe 2005; see Doe 2006").
 */
function citeprocRuns(groups: ClusterItem[][], authorOf: (key: string) => string): ClusterItem[][][] {
	const runs: ClusterItem[][][] = [];
	groups.forEach((group, i) => {
		const before = groups[i - 1]?.at(-1);
		if (!before || authorOf(before.key) === authorOf(group[0]!.key)) runs.push([group]);
		else runs.at(-1)!.push(group);
	});
	return runs;
}

/**
 * A run's cites joined as Pandoc joins them: within a group by the
 * cite-group delimiter (", ", the CSL default), except next to a cite with
 * a locator ("Doe 2005; 2006, 3"); between groups by the layout's ("; "),
 * which is also what citeproc-js puts everywhere.
 */
function joinGroups(engine: CiteprocEngine, groups: ClusterItem[][], html: string): string {
	const parts = html.split(CITE_END);
	const items = groups.flat();
	const groupOf = new Map(groups.flatMap((group, g) => group.map((cite) => [cite, g] as const)));
	const { layout_delimiter: delimiter = '; ', cite_group_delimiter: group = ', ' } = engine.citation.opt;
	if (parts.length !== items.length + 1) return parts.join('');
	return parts
		.map((part, i) => {
			const before = items[i - 1];
			const cite = items[i];
			// citeproc-js joins by the layout's delimiter, or by the group's where a citation sort brought one author's cites together.
			const written = [delimiter, group].find((d) => part.startsWith(d));
			if (!before || !cite || written === undefined) return part;
			const together = groupOf.get(before) === groupOf.get(cite) && !before.locator && !cite.locator;
			return (together ? group : delimiter) + part.slice(written.length);
		})
		.join('');
}

/** What citeproc prints for a cite with no printed form: `[NO_PRINTED_FORM]` for a cluster, an error for its first cite. */
const NO_PRINTED_FORM = /\[NO_PRINTED_FORM\]|\[CSL STYLE ERROR: reference with no printed form\.\]/g;

/** A cite that printed nothing, in a cluster's HTML until withoutEmptyCites takes it out with its delimiter. */
const EMPTY_CITE = '\u0004';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The cluster without the cites that printed nothing (MLA's with the author
 * suppressed: `@doe says` is "Doe says", as Pandoc prints it) and without
 * the delimiters that joined them: citeproc writes such a cite as nothing,
 * as `[NO_PRINTED_FORM]`, or, first in a cluster, as an error between the
 * layout's parentheses.
 */
function withoutEmptyCites(engine: CiteprocEngine, html: string): string {
	const {
		layout_prefix: open = '',
		layout_suffix: close = '',
		layout_delimiter: delimiter = '; ',
		cite_group_delimiter: group = ', ',
	} = engine.citation.opt;
	const marked = html
		.replace(new RegExp(`(?:${escapeRegExp(open)})?(?:${NO_PRINTED_FORM.source})(?:${escapeRegExp(close)})?`, 'g'), EMPTY_CITE)
		.replace(NO_PRINTED_FORM, EMPTY_CITE);
	const d = `(?:${[delimiter, group].map(escapeRegExp).join('|')})`;
	const cleaned = marked
		.replace(new RegExp(`${d}${EMPTY_CITE}`, 'g'), '')
		.replace(new RegExp(`${EMPTY_CITE}${d}?`, 'g'), '')
		// A cite citeproc printed as nothing at all leaves its delimiter first, doubled or last.
		.replace(new RegExp(`^${d}+`), '')
		.replace(new RegExp(`(${d})${d}+`, 'g'), '$1')
		.replace(new RegExp(`${d}+$`), '');
	return cleaned;
}

/** The style collapses a cluster's cites by one author to their years (`collapse="year"`, `"year-suffix"`, …). */
function collapsesYears(engine: CiteprocEngine): boolean {
	const { collapse } = engine.citation.opt;
	return typeof collapse === 'string' && collapse.startsWith('year');
}

function bySeq(engine: CiteprocEngine, cluster: ClusterInput, html: string): string | undefined {
	const number = Number(html.replace(/<[^>]*>/g, '').trim());
	return cluster.items.find((item) => engine.registry.registry[item.key]?.seq === number)?.key;
}

/**
 * An en dash for a hyphen in a range that is not plain numbers (`D-Z`,
 * `(xv)-(xvii)`), as Pandoc prints them; citeproc formats numeric ranges
 * (`33-35` → `33–35`, or `321–28` in Chicago) itself.
 */
const dashes = (locator: string) =>
	locator.replace(/(?<=\S)-(?=\S)/g, (dash, at: number, all: string) => (/\d/.test(all[at - 1]!) && /\d/.test(all[at + 1]!) ? dash : '–'));

/** citeproc's inline styles as classes (the Content-Security-Policy forbids style attributes). */
const styled = (html: string) => classesForStyles(html);

/** makeBibliography wraps each entry in a div; the caller places it. */
const unwrapEntry = (html: string) =>
	classesForStyles(
		html
			.trim()
			.replace(/^<div class="csl-entry">/, '')
			.replace(/<\/div>$/, '')
			.trim(),
	);
