import { doiOf } from './identifiers.ts';
import type { BibEntry } from './parse-bibtex.ts';

/**
 * Fields a published `references.bib` leaves out: our verification notes,
 * personal notes and reading aids from reference managers (Zotero's `annote`
 * and `file`, JabRef's `comment`, `owner`, `timestamp`…), abstracts and
 * keywords (often copyrighted or private tagging), and the links that
 * inheritance has already resolved. `note` stays: styles print it.
 */
export const PRIVATE_FIELDS = new Set([
	'verification',
	'verificationnote',
	'annotation',
	'annote',
	'file',
	'abstract',
	'keywords',
	'comment',
	'owner',
	'timestamp',
	'mendeley-tags',
	'mendeley-groups',
	'groups',
	'readstatus',
	'priority',
	'ranking',
	'qualityassured',
	'printed',
	'crossref',
	'xdata',
	'xref',
]);

/**
 * Entries as BibTeX an author's tools read back: the author's keys and types,
 * each value as written (macros expanded, inherited fields included, so every
 * entry stands alone; a DOI bare), private fields left out.
 *
 *   @book{gordon2023,
 *     editor = {Gordon, David},
 *   }
 */
export function writeBibtex(entries: BibEntry[]): string {
	return entries
		.map((entry) => {
			const fields = Object.entries(entry.fields).filter(([name, value]) => !PRIVATE_FIELDS.has(name) && value.trim() !== '');
			const written = fields.map(([name, value]) => `  ${name} = {${name === 'doi' ? (doiOf(value) ?? value) : value}},\n`);
			return `@${entry.type}{${entry.key},\n${written.join('')}}\n`;
		})
		.join('\n');
}
