import type { CslItem } from '@citation-js/core';

/**
 * When a web source was read, and where a copy of it is kept. The access
 * date is biblatex's `urldate` (what Zotero's BibTeX and BibLaTeX exports
 * and Better BibTeX write for "Accessed"), which citation-js reads into
 * CSL's `accessed`. No exporter writes an archived copy's address (Zotero
 * has no such field), so we read the names authors use for it, after
 * Wikipedia's `archive-url` and biblatex users' `archiveurl`:
 *
 *   archiveurl = {https://web.archive.org/web/20250503/https://example.org/x},
 *   archivedate = {2025-05-03},
 */

/** Fields read for an archived copy's URL, in this order; the first is the documented one. */
export const ARCHIVE_URL_FIELDS = ['archiveurl', 'archive-url', 'archive_url', 'archivedurl', 'webarchive', 'webarchiveurl'] as const;
/** Fields read for the date the copy was made. */
export const ARCHIVE_DATE_FIELDS = ['archivedate', 'archive-date', 'archive_date', 'webarchivedate'] as const;

export interface Access {
	/** When the author read it, as `[year, month?, day?]`. */
	accessed?: number[];
	/** An archived copy. */
	archiveUrl?: string;
	archived?: number[];
}

/** A source's access date and archived copy, from its BibTeX fields and its CSL-JSON (either may be missing). */
export function accessOf(fields: Record<string, string>, csl?: CslItem): Access {
	const access: Access = {};
	const accessed = cslDate(csl?.['accessed']) ?? isoDate(fields['urldate']);
	if (accessed) access.accessed = accessed;
	const url = ARCHIVE_URL_FIELDS.map((name) => bareUrl(fields[name])).find(Boolean);
	if (url) access.archiveUrl = url;
	const archived = ARCHIVE_DATE_FIELDS.map((name) => isoDate(fields[name])).find(Boolean);
	if (archived) access.archived = archived;
	return access;
}

/** A web source: one with a URL and no DOI, or of type online (CSL `webpage`, `post`, `post-weblog`). */
export function isWebSource(entry: { type: string; fields: Record<string, string> }, csl?: CslItem): boolean {
	const url = csl?.URL ?? entry.fields['url'];
	const doi = csl?.DOI ?? entry.fields['doi'];
	const online = ['webpage', 'post', 'post-weblog'].includes(String(csl?.type ?? '')) || /^(online|www|electronic)$/.test(entry.type);
	return online || (Boolean(url) && !doi);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 May 2025", "May 2025" or "2025". */
export function formatParts([year, month, day]: number[]): string {
	return [day, month ? MONTHS[month - 1] : undefined, year].filter((part) => part !== undefined).join(' ');
}

/** `YYYY-MM-DD` (or shorter) of date parts. */
export const isoParts = (parts: number[]) => parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');

function cslDate(value: unknown): number[] | undefined {
	const parts = (value as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
	if (!Array.isArray(parts) || parts.length === 0) return undefined;
	const numbers = parts.map(Number);
	return numbers.every((n) => Number.isInteger(n)) ? numbers : undefined;
}

function isoDate(value: string | undefined): number[] | undefined {
	const match = /^\s*\{?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\}?\s*$/.exec(value ?? '');
	if (!match) return undefined;
	return match
		.slice(1)
		.filter((part) => part !== undefined)
		.map(Number);
}

/** A field's URL without `\url{…}` or braces. */
function bareUrl(value: string | undefined): string | undefined {
	const url = value
		?.trim()
		.replace(/^\\url\s*\{(.*)\}$/s, '$1')
		.replace(/[{}]/g, '')
		.trim();
	return url && /^https?:\/\//.test(url) ? url : undefined;
}
