import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cite, plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { writeBibtex } from './export-bibtex.ts';
import { loadBibliography, type Source } from './load.ts';

export type { CslItem };
export type ExportFormat = 'bibtex' | 'ris' | 'csl-json';

/** Exports offered for download, with their file extension and media type. */
export const EXPORTS: Record<ExportFormat, { ext: string; type: string; label: string }> = {
	bibtex: { ext: 'bib', type: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
	ris: { ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
	'csl-json': { ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', label: 'CSL-JSON' },
};

const templates = plugins.config.get('@csl').styles;

/** A CSL style citation-js knows: a bundled name, or a .csl file registered the first time it is named. */
function templateFor(csl: string): string {
	if (templates.has(csl)) return csl;
	templates.add(csl, readFileSync(csl, 'utf8'));
	return csl;
}

const items = new WeakMap<Map<string, Source>, Map<string, CslItem>>();

/**
 * Every work of a BibTeX file as CSL-JSON, by key exactly as written, from
 * the one parse of the file (load.ts); made again only when the file changes.
 */
export function cslItems(bibFile: string): Map<string, CslItem> {
	const { sources } = loadBibliography(bibFile);
	const hit = items.get(sources);
	if (hit) return hit;
	const byKey = new Map([...sources].map(([key, source]) => [key, source.csl]));
	items.set(sources, byKey);
	return byKey;
}

/** Records as BibTeX, RIS or CSL-JSON text, written by citation-js; each keeps its `id` (for RIS, as `ID`). */
export function exportRecords(records: CslItem[], format: ExportFormat): string {
	const cite = new Cite(records, { generateGraph: false });
	if (format === 'csl-json') return JSON.stringify(cite.data.map(({ _graph, ...item }) => item), null, 2) + '\n';
	return cite.format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' });
}

/**
 * Bibliography sources for download: BibTeX written from the author's own
 * entries (their keys, their fields, private ones left out: export-bibtex.ts),
 * RIS and CSL-JSON from the same entries' CSL.
 */
export function exportSources(sources: Source[], format: ExportFormat): string {
	if (format === 'bibtex') return writeBibtex(sources.map((source) => source.entry));
	return exportRecords(sources.map((source) => source.csl), format);
}

/** One record formatted as a bibliography entry in a CSL style, as HTML or text. */
export function formatRecord(record: CslItem, csl: string, format: 'html' | 'text' = 'html'): string {
	return formatRecords([record], csl, format).get(record.id)!;
}

/**
 * Each record formatted on its own (no year suffixes from sharing a list),
 * with one citation-js instance and so one style engine for them all.
 */
export function formatRecords(records: CslItem[], csl: string, format: 'html' | 'text' = 'html'): Map<string, string> {
	const cite = new Cite(records, { generateGraph: false });
	const template = templateFor(csl);
	return new Map(
		records.map((record) => {
			const out = cite.format('bibliography', { format, template, lang: 'en-US', entry: record.id });
			return [record.id, format === 'html' ? unwrapEntry(out) : out.trim()];
		}),
	);
}

/** citation-js wraps an HTML entry in two divs; the caller places it. */
const unwrapEntry = (html: string) =>
	html
		.replace(/^\s*<div class="csl-bib-body">\s*<div data-csl-entry-id="[^"]*" class="csl-entry">/, '')
		.replace(/<\/div>\s*<\/div>\s*$/, '')
		.trim();

/**
 * The bibliography as a CSL-JSON file for rehype-citation, which then skips
 * parsing BibTeX for every brief. Every item has an `author` list, empty for
 * an edited book: rehype-citation 2.3 reads `author.length` of each item of a
 * cluster and crashes on one without it (its `isSameAuthor`); an empty list
 * still lets the style put the editors in the author's place.
 */
const written = new WeakMap<Map<string, CslItem>, string>();

export function cslJsonFor(bibFile: string): string {
	const byKey = cslItems(bibFile);
	const done = written.get(byKey);
	if (done) return done;
	const text = JSON.stringify([...byKey.values()].map(({ _graph, ...item }) => ({ ...item, author: item.author ?? [] })));
	const file = path.join(tmpdir(), 'sourced-csl', `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	written.set(byKey, file);
	return file;
}
