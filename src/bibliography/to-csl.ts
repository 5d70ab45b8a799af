import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { doiOf, eprintUrl } from './identifiers.ts';
import type { BibEntry, BibtexProblem } from './parse-bibtex.ts';
import { expandMacros, type Macro } from './preamble.ts';

/**
 * Our parsed entries (macros expanded, crossref and xdata applied) as CSL-JSON,
 * through citation-js's biblatex mapping: its entry-object input, not its
 * file reader, so the file is read once, by parse-bibtex.ts.
 *
 *   { type: 'phdthesis', key: 'a/b', fields: { location: 'Durham and London', … } }
 *   → { id: 'a/b', type: 'thesis', genre: 'PhD thesis', 'publisher-place': 'Durham; London', … }
 *
 * Then what citation-js leaves as Pandoc would not: lists joined with "; "
 * (publisher, place), biblatex type words as words ("PhD thesis"), a language
 * name as a language tag, DOIs bare, eprints as links, unknown LaTeX commands
 * dropped rather than printed.
 */

/** Fields that are ours, private, or already applied: never handed on to CSL. */
export const NOT_FOR_CSL = new Set([
	'verification',
	'verificationnote',
	'crossref',
	'xdata',
	'xref',
	'file',
	'annotation',
	'annote',
	'abstract',
	'keywords',
]);

// citation-js's types (src/types/citation-js.d.ts) cover formatting; these are the parts of its input API used here.
type Table = Record<string, unknown>;
interface BibtexConfig {
	constants: {
		commands: Record<string, string>;
		fieldTypes: Record<string, [string, string]>;
		formattingCommands: Table;
		formattingEnvs: Table;
		argumentCommands: Table;
		diacritics: Table;
		mathCommands: Table;
	};
}
const bibtexConfig = plugins.config.get('@bibtex') as unknown as BibtexConfig;
const input = (plugins as unknown as { input: { chain(data: unknown, options: object): CslItem[] } }).input;
type Name = Record<string, unknown>;
// LaTeX and biblatex commands citation-js would otherwise print as written.
Object.assign(bibtexConfig.constants.commands, {
	TeX: 'TeX',
	LaTeX: 'LaTeX',
	LaTeXe: 'LaTeX2e',
	BibTeX: 'BibTeX',
	XeTeX: 'XeTeX',
	LuaTeX: 'LuaTeX',
	hyphen: '-',
	slash: '/',
	relax: '',
	ldots: '…',
	dots: '…',
	space: ' ',
	nbspace: '\u00a0',
	adddot: '.',
	addcomma: ',',
	addspace: ' ',
	nobreakdash: '',
	textnumero: '№',
});

/** biblatex's type words, as biblatex prints them in English. */
const GENRES: Record<string, string> = {
	phdthesis: 'PhD thesis',
	mathesis: 'Master’s thesis',
	mastersthesis: 'Master’s thesis',
	candthesis: 'Candidate thesis',
	techreport: 'Technical report',
	resreport: 'Research report',
	software: 'Computer software',
	datacd: 'Data CD',
	audiocd: 'Audio CD',
};

/** babel and biblatex language names (and Zotero's "English"), as language tags. */
const LANGUAGES: Record<string, string> = {
	english: 'en-US',
	american: 'en-US',
	usenglish: 'en-US',
	british: 'en-GB',
	ukenglish: 'en-GB',
	canadian: 'en-CA',
	australian: 'en-AU',
	newzealand: 'en-NZ',
	german: 'de-DE',
	ngerman: 'de-DE',
	austrian: 'de-AT',
	naustrian: 'de-AT',
	swissgerman: 'de-CH',
	nswissgerman: 'de-CH',
	french: 'fr-FR',
	francais: 'fr-FR',
	spanish: 'es-ES',
	catalan: 'ca-AD',
	italian: 'it-IT',
	dutch: 'nl-NL',
	portuguese: 'pt-PT',
	portuges: 'pt-PT',
	brazilian: 'pt-BR',
	brazil: 'pt-BR',
	danish: 'da-DK',
	swedish: 'sv-SE',
	norwegian: 'nb-NO',
	norsk: 'nb-NO',
	nynorsk: 'nn-NO',
	finnish: 'fi-FI',
	icelandic: 'is-IS',
	polish: 'pl-PL',
	czech: 'cs-CZ',
	slovak: 'sk-SK',
	slovene: 'sl-SI',
	croatian: 'hr-HR',
	serbian: 'sr-RS',
	bulgarian: 'bg-BG',
	russian: 'ru-RU',
	ukrainian: 'uk-UA',
	greek: 'el-GR',
	hungarian: 'hu-HU',
	magyar: 'hu-HU',
	romanian: 'ro-RO',
	turkish: 'tr-TR',
	estonian: 'et-EE',
	latvian: 'lv-LV',
	lithuanian: 'lt-LT',
	hebrew: 'he-IL',
	arabic: 'ar',
	farsi: 'fa-IR',
	persian: 'fa-IR',
	chinese: 'zh-CN',
	japanese: 'ja-JP',
	korean: 'ko-KR',
	vietnamese: 'vi-VN',
	thai: 'th-TH',
	latin: 'la',
	basque: 'eu',
	afrikaans: 'af-ZA',
};

/** Values citation-js keeps as lists, as CSL-JSON wants them: one string (Pandoc joins them the same way). */
const LIST_SEPARATOR = '; ';
/** CSL variables that are lists in CSL-JSON itself. */
const CSL_LISTS = new Set(['categories']);

export interface CslResult {
	items: Map<string, CslItem>;
	problems: BibtexProblem[];
}

/**
 * CSL-JSON for every entry, by key as written; an entry citation-js cannot read becomes a located problem.
 * The commands the file's `@preamble` defines are expanded first (preamble.ts).
 */
export function toCsl(entries: BibEntry[], macros: ReadonlyMap<string, Macro> = new Map()): CslResult {
	const items = new Map<string, CslItem>();
	const problems: BibtexProblem[] = [];
	for (const entry of entries) {
		const properties = cslProperties(entry, macros);
		let item: CslItem | undefined;
		try {
			item = convert(entry, properties);
		} catch {
			// Find the fields citation-js cannot read, report each where it stands, and format the entry without them.
			for (const [name, value] of Object.entries(properties)) {
				try {
					convert(entry, { [name]: value });
				} catch (error) {
					// citation-js's first line, without its position inside the value ("at line 0 col 12:").
					const reason = String((error as Error).message)
						.split('\n')[0]!
						.replace(/ at line \d+ col \d+:?$/, '');
					problems.push({
						...(entry.fieldPositions[name] ?? entry),
						key: entry.key,
						reason: `field "${name}" of "${entry.key}" cannot be read (${reason}). Check its braces and LaTeX commands`,
					});
					delete properties[name];
				}
			}
			item = convert(entry, properties);
		}
		items.set(entry.key, finish(item, entry));
	}
	return { items, problems };
}

function convert(entry: BibEntry, properties: Record<string, string>): CslItem {
	const [item] = input.chain([{ type: entry.type, label: entry.key, properties }], {
		forceType: '@biblatex/entries+list',
		generateGraph: false,
	});
	return item!;
}

/** The fields handed to citation-js, with what its LaTeX reader cannot take rewritten. */
function cslProperties(entry: BibEntry, macros: ReadonlyMap<string, Macro>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(entry.fields)) {
		if (NOT_FOR_CSL.has(name) || name === 'language' || name === 'langid' || value.trim() === '') continue;
		const kind = bibtexConfig.constants.fieldTypes[name]?.[1];
		out[name] = kind === 'verbatim' || kind === 'uri' ? value : texForCitationJs(expandMacros(value, macros));
	}
	return out;
}

/** Commands citation-js's LaTeX reader knows (its tables, after the additions above). */
const KNOWN_COMMANDS = new Set(['begin', 'end']);
for (const table of ['commands', 'formattingCommands', 'formattingEnvs', 'argumentCommands', 'diacritics', 'mathCommands'] as const) {
	for (const name of Object.keys(bibtexConfig.constants[table])) KNOWN_COMMANDS.add(name);
}

/**
 * LaTeX as citation-js's reader can take it: `\enquote*{…}` (csquotes' starred
 * form) as `\enquote{…}`, an accent on a dotless i (`\'\i`) as on an i, `{\relax Ch}` (a name's digraph initial) as `Ch`, and
 * a command it does not know dropped with the space after it, its argument
 * kept (`\foo{Bar}` → `{Bar}`), where it would fail or print the command.
 */
export const texForCitationJs = (value: string): string =>
	value
		.replace(/\\(enquote|textquote|mkbibquote)\*/g, '\\$1')
		.replace(/\\([`'^"~=.])\s*(?:\{\\([ij])\}|\\([ij])\b)/g, '\\$1{$2$3}')
		.replace(/\{\\relax\s+([^{}\\]*)\}/g, '$1')
		.replace(/\\([A-Za-z]+)\*?\s*/g, (command, name: string) => (KNOWN_COMMANDS.has(name) ? command : ''));

function finish(item: CslItem, entry: BibEntry): CslItem {
	const out: CslItem = { ...item, id: entry.key, 'citation-key': entry.key };
	for (const [name, value] of Object.entries(out)) {
		if (Array.isArray(value) && value.every((v) => typeof v === 'string') && !CSL_LISTS.has(name)) {
			out[name] = stripCommands(value.join(LIST_SEPARATOR));
		} else if (typeof value === 'string' && name !== 'URL' && name !== 'DOI') out[name] = stripCommands(value);
		else if (Array.isArray(value) && value.every(isName)) out[name] = value.map(cleanName);
	}
	if (typeof out['genre'] === 'string') out['genre'] = GENRES[out['genre'].toLowerCase()] ?? out['genre'];

	const language = languageTag(entry.fields['langid'] ?? entry.fields['language']);
	if (language) out['language'] = language;
	else delete out['language'];

	const doi =
		doiOf(entry.fields['doi']) ?? (entry.fields['eprinttype']?.toLowerCase() === 'doi' ? doiOf(entry.fields['eprint']) : undefined);
	const urlDoi = doiOf(out.URL, { urlOnly: true });
	if (doi ?? urlDoi) out.DOI = (doi ?? urlDoi)!;
	else delete out.DOI;
	if (urlDoi && urlDoi.toLowerCase() === out.DOI?.toLowerCase()) delete out.URL;
	if (!out.URL && !out.DOI) {
		const eprint = eprintUrl(entry.fields);
		if (eprint) out.URL = eprint;
	}
	return out;
}

/** The first language of a `language` or `langid` field as a tag citeproc knows, if it can be told. */
function languageTag(value: string | undefined): string | undefined {
	const first = value
		?.split(/\s+and\s+/)[0]
		?.replace(/[{}]/g, '')
		.trim();
	if (!first) return undefined;
	if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(first)) return first;
	return LANGUAGES[first.toLowerCase()];
}

/**
 * An unknown LaTeX command citation-js printed as written (`\foo` in "\foo bar"),
 * dropped, its argument kept; a control space (`\ `) as a space; `\-` and `\/` as nothing.
 */
const stripCommands = (value: string) =>
	value
		.replace(/\\[A-Za-z]+\*?\s?/g, '')
		.replace(/\\(\s)/g, '$1')
		.replace(/\\[-/]/g, '');

const isName = (value: unknown): value is Name => typeof value === 'object' && value !== null && !Array.isArray(value);
function cleanName(name: Name): Name {
	return Object.fromEntries(Object.entries(name).map(([part, value]) => [part, typeof value === 'string' ? stripCommands(value) : value]));
}
