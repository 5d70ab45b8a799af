import { accessOf, formatParts, isoParts, type Access } from '../bibliography/access.ts';
import type { Source } from '../bibliography/load.ts';
import { coinsTitle } from '../citations/coins.ts';
import { strings } from '../ui/strings.ts';
import { linkifyHtml } from '../utils/linkify.ts';
import { escapeHtml } from '../utils/html.ts';

/** What an entry shows of a source: its parsed entry (access fields), status, note and CSL-JSON (COinS). */
export type EntrySource = Pick<Source, 'entry' | 'status' | 'note' | 'csl'>;

/**
 * A source's entry, written here once for every place that lists it: a
 * brief's reference list and citation previews (plugins/rehype-references.ts),
 * /references/ and the source's own page (components/SourceEntry.astro). The
 * formatted entry (citeproc's HTML) with its addresses as links, when the
 * source was read and where a copy is kept (bibliography/access.ts) unless
 * the style printed the date, its verification, and its COinS for
 * reference managers (citations/coins.ts; not in previews, so that a page
 * offers each source once):
 *
 *   Doe, Jane. 2024. “A Page.” https://example.org/x.
 *   → <div class="csl-entry">Doe, Jane. 2024. “A Page.” <a href="https://example.org/x" rel="noopener noreferrer">https://example.org/x</a>.</div>
 *     <p class="access">Accessed <time datetime="2025-05-03">3 May 2025</time> · <a href="https://web.archive.org/…" rel="noopener noreferrer" class="archived-copy">Archived copy</a> (archived 2 May 2025)</p>
 *     <p class="verification"><span class="status status-verified">Verified</span> <span class="verification-note">…</span></p>
 *     <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;…" aria-hidden="true"></span>
 *
 * The citing briefs follow, as each place lists them.
 */
export function entryHtml(source: EntrySource, formatted: string, { coins = true }: { coins?: boolean } = {}): string {
	const access = accessLine(accessOf(source.entry.fields, source.csl), formatted.replace(/<[^>]*>/g, ''));
	return [
		`<div class="csl-entry">${linkifyHtml(formatted)}</div>`,
		access,
		`<p class="verification"><span class="status status-${source.status}">${escapeHtml(strings.status[source.status])}</span>` +
			`${source.note ? ` <span class="verification-note">${escapeHtml(source.note)}</span>` : ''}</p>`,
		coins ? `<span class="Z3988" title="${escapeHtml(coinsTitle(source.csl))}" aria-hidden="true"></span>` : '',
	].join('');
}

function accessLine(access: Access, entryText: string): string {
	const parts: string[] = [];
	if (access.accessed && !printed(entryText, access.accessed)) {
		const date = `<time datetime="${isoParts(access.accessed)}">${escapeHtml(formatParts(access.accessed))}</time>`;
		parts.push(strings.accessed('\0').split('\0').map(escapeHtml).join(date));
	}
	if (access.archiveUrl) {
		parts.push(
			`<a href="${escapeHtml(access.archiveUrl)}" rel="noopener noreferrer" class="archived-copy">${escapeHtml(strings.archivedCopy)}</a>` +
				(access.archived ? escapeHtml(` (${strings.archivedOn(formatParts(access.archived))})`) : ''),
		);
	}
	return parts.length > 0 ? `<p class="access">${parts.join(' · ')}</p>` : '';
}

/** Whether the style printed the access date already ("Accessed May 3, 2025", "Retrieved …", "[cited 2025 May 3]"). */
const printed = (entryText: string, [year]: number[]) =>
	new RegExp(`\\b(?:accessed|retrieved|cited)\\b[^.]*\\b${year}\\b`, 'i').test(entryText);

/** Text as HTML, in an element or a quoted attribute. */
