import type { BibEntry, BibtexProblem } from './parse-bibtex.ts';

/**
 * biblatex's data inheritance (`crossref` and `xdata`), applied once so that
 * the lint and the CSL see the same fields:
 *
 *   @inproceedings{p, crossref = {conf}, …}   →  p.fields.booktitle = 'Proc. of X'
 *   @proceedings{conf, title = {Proc. of X}}      p.inherited.booktitle = 'conf'
 *
 * The mapping is biblatex's default (manual, appendix B "Default Inheritance
 * Setup"): a parent's title becomes the child's booktitle, maintitle or
 * journaltitle by type; fields the child has win; `xdata` fields count as the
 * entry's own, ahead of anything inherited through `crossref`.
 */

/** Fields never inherited (biblatex: `* → *: none`). */
const NEVER = new Set([
	'ids',
	'crossref',
	'xref',
	'xdata',
	'entryset',
	'entrysubtype',
	'execute',
	'label',
	'options',
	'presort',
	'related',
	'relatedoptions',
	'relatedstring',
	'relatedtype',
	'shorthand',
	'shorthandintro',
	'sortkey',
]);
/** Title fields a renamed title takes along, or drops. */
const TITLE_FIELDS = ['title', 'subtitle', 'titleaddon'];
const TITLE_DROPPED = ['shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle'];

const BOOK_PARTS = ['inbook', 'bookinbook', 'suppbook'];
const COLLECTION_PARTS = ['incollection', 'inreference', 'suppcollection'];

/** Parent type → child types → the prefix its title fields take (`book` → booktitle, booksubtitle…). */
const TITLE_RULES: [string[], string[], string][] = [
	[['mvbook'], ['book', ...BOOK_PARTS], 'main'],
	[['mvcollection', 'mvreference'], ['collection', 'reference', ...COLLECTION_PARTS], 'main'],
	[['mvproceedings'], ['proceedings', 'inproceedings'], 'main'],
	[['book'], BOOK_PARTS, 'book'],
	[['collection', 'reference'], COLLECTION_PARTS, 'book'],
	[['proceedings'], ['inproceedings'], 'book'],
	[['periodical'], ['article', 'suppperiodical'], 'journal'],
];

/** What a child of type `child` takes from a parent of type `parent`, given the parent's fields. */
function inheritedFields(parent: string, child: string, fields: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(fields)) if (!NEVER.has(name)) out[name] = value;
	if ((parent === 'mvbook' || parent === 'book') && BOOK_PARTS.includes(child) && fields['author'] !== undefined) {
		out['bookauthor'] = fields['author'];
	}
	const rule = TITLE_RULES.find(([parents, children]) => parents.includes(parent) && children.includes(child));
	if (rule) {
		const prefix = rule[2];
		for (const name of [...TITLE_FIELDS, ...TITLE_DROPPED]) delete out[name];
		for (const name of TITLE_FIELDS) {
			if (prefix === 'journal' && name === 'titleaddon') continue;
			const value = fields[name];
			if (value !== undefined) out[prefix + name] = value;
		}
	}
	return out;
}

/** Entries with their inherited fields filled in, and a problem for each parent that cannot be found. */
export function resolveInheritance(entries: BibEntry[]): { entries: BibEntry[]; problems: BibtexProblem[] } {
	const byKey = new Map<string, BibEntry>();
	for (const entry of entries) if (!byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry);
	const problems: BibtexProblem[] = [];
	const done = new Map<BibEntry, BibEntry>();
	const visiting = new Set<BibEntry>();

	const parent = (entry: BibEntry, field: 'crossref' | 'xdata', key: string): BibEntry | undefined => {
		const found = byKey.get(key.toLowerCase());
		const where = entry.fieldPositions[field] ?? entry;
		if (!found) {
			problems.push({
				...where,
				key: entry.key,
				reason: `"${entry.key}" has ${field} = {${key}}, but no entry has the key "${key}". Fix the key, or add the entry it names`,
			});
		} else if (visiting.has(found)) {
			problems.push({
				...where,
				key: entry.key,
				reason: `"${entry.key}" inherits from itself through ${field} = {${key}}. Remove the ${field} that closes the loop`,
			});
			return undefined;
		}
		return found ? resolve(found) : undefined;
	};

	const resolve = (entry: BibEntry): BibEntry => {
		const hit = done.get(entry);
		if (hit) return hit;
		const crossref = entry.fields['crossref']?.trim();
		const xdata =
			entry.fields['xdata']
				?.split(',')
				.map((key) => key.trim())
				.filter(Boolean) ?? [];
		if (!crossref && xdata.length === 0) {
			done.set(entry, entry);
			return entry;
		}
		visiting.add(entry);
		const fields: Record<string, string> = {};
		const inherited: Record<string, string> = {};
		const take = (from: BibEntry, values: Record<string, string>) => {
			for (const [name, value] of Object.entries(values)) {
				fields[name] = value;
				inherited[name] = from.inherited?.[name] ?? from.key;
			}
		};
		const source = crossref ? parent(entry, 'crossref', crossref) : undefined;
		if (source) take(source, inheritedFields(source.type, entry.type, source.fields));
		for (const key of xdata) {
			const data = parent(entry, 'xdata', key);
			if (data) take(data, inheritedFields('xdata', entry.type, data.fields));
		}
		for (const [name, value] of Object.entries(entry.fields)) {
			fields[name] = value;
			delete inherited[name];
		}
		visiting.delete(entry);
		const resolved: BibEntry = { ...entry, fields, inherited };
		done.set(entry, resolved);
		return resolved;
	};

	return { entries: entries.map(resolve), problems };
}
