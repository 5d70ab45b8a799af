import { Cite, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CitationStage } from '../citations/stage.ts';
import { writeBibtex } from './export-bibtex.ts';
import type { Source } from './load.ts';

export type { CslItem };
export type ExportFormat = 'bibtex' | 'ris' | 'csl-json';

/** Exports offered for download, with their file extension and media type. */
export const EXPORTS: Record<ExportFormat, { ext: string; type: string; label: string }> = {
	bibtex: { ext: 'bib', type: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
	ris: { ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
	'csl-json': { ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', label: 'CSL-JSON' },
};

const items = new WeakMap<Map<string, Source>, Map<string, CslItem>>();

/**
 * Every work of a bibliography as CSL-JSON, by key exactly as written, from
 * the one reading of the file (load.ts); made again only when the file changes.
 */
export function cslItemsOf(sources: Map<string, Source>): Map<string, CslItem> {
	const hit = items.get(sources);
	if (hit) return hit;
	const byKey = new Map([...sources].map(([key, source]) => [key, source.csl]));
	items.set(sources, byKey);
	return byKey;
}

/** Records as BibTeX, RIS or CSL-JSON text, written by citation-js; each keeps its `id` (for RIS, as `ID`). */
export function exportRecords(records: CslItem[], format: ExportFormat): string {
	const cite = new Cite(records, { generateGraph: false });
	if (format === 'csl-json')
		return (
			JSON.stringify(
				cite.data.map(({ _graph, ...item }) => item),
				null,
				2,
			) + '\n'
		);
	return cite.format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' });
}

/**
 * Bibliography sources for download: BibTeX written from the author's own
 * entries (their keys, their fields, private ones left out: export-bibtex.ts),
 * RIS and CSL-JSON from the same entries' CSL.
 */
export function exportSources(sources: Source[], format: ExportFormat): string {
	if (format === 'bibtex') return writeBibtex(sources.map((source) => source.entry));
	return exportRecords(
		sources.map((source) => source.csl),
		format,
	);
}

/** One record formatted as a bibliography entry in a CSL style, as HTML, by the build's one engine (citations/engine.ts). */
export function formatRecord(record: CslItem, csl: string, stage: CitationStage): string {
	return formatRecords([record], csl, stage).get(record.id)!;
}

/** Each record formatted on its own (no year letters from sharing a list), with one registration for them all. */
export function formatRecords(records: CslItem[], csl: string, stage: CitationStage): Map<string, string> {
	const formatted = stage.records(records, csl);
	return new Map(records.map((record) => [record.id, formatted[record.id] ?? '']));
}
