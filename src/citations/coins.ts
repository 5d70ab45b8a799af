import type { CslItem } from '@citation-js/core';

/**
 * COinS (https://web.archive.org/web/2019/http://ocoins.info/): a work as an
 * OpenURL ContextObject (Z39.88-2004) in the title of an empty
 * `<span class="Z3988">`, which Zotero's connector and other reference
 * managers read to save every source of a page at once.
 *
 *   { type: 'article-journal', title: 'Counting', 'container-title': 'J', author: [{ family: 'Doe', given: 'A' }], issued: 2010 }
 *   → ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article&rft.atitle=Counting&rft.jtitle=J&rft.au=Doe%2C%20A&rft.date=2010
 *
 * Journal articles use the journal format, books, chapters, reports and
 * papers in proceedings the book format, everything else Dublin Core. A
 * person is `rft.au` ("Family, Given"), a name in one part `rft.aucorp`; an
 * editor of a work with no author is `rft.contributor` (OpenURL has no
 * editor for a whole book).
 */

const FORMAT = 'info:ofi/fmt:kev:mtx:';
const JOURNAL = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book']);
const BOOK: Record<string, string> = {
	book: 'book',
	chapter: 'bookitem',
	'entry-encyclopedia': 'bookitem',
	'entry-dictionary': 'bookitem',
	report: 'report',
	'paper-conference': 'proceeding',
};

type Name = { family?: string; given?: string; literal?: string };

export function coinsTitle(item: CslItem): string {
	const pairs: [string, string | undefined][] = [['ctx_ver', 'Z39.88-2004']];
	const type = String(item.type ?? '');
	const text = (name: string) => (typeof item[name] === 'string' || typeof item[name] === 'number' ? String(item[name]) : undefined);
	const title = text('title');
	const container = text('container-title');
	if (JOURNAL.has(type) && container) {
		pairs.push(['rft_val_fmt', `${FORMAT}journal`], ['rft.genre', 'article'], ['rft.atitle', title], ['rft.jtitle', container]);
		pairs.push(['rft.volume', text('volume')], ['rft.issue', text('issue')], ['rft.pages', text('page')], ['rft.issn', text('ISSN')]);
	} else if (BOOK[type]) {
		const part = type !== 'book' && type !== 'report' && container !== undefined;
		pairs.push(['rft_val_fmt', `${FORMAT}book`], ['rft.genre', BOOK[type]]);
		if (part) pairs.push(['rft.atitle', title], ['rft.btitle', container]);
		else pairs.push(['rft.btitle', title]);
		pairs.push(['rft.pub', text('publisher')], ['rft.place', text('publisher-place')], ['rft.series', text('collection-title')]);
		pairs.push(['rft.edition', text('edition')], ['rft.isbn', text('ISBN')], ['rft.pages', text('page')]);
	} else {
		pairs.push(['rft_val_fmt', `${FORMAT}dc`], ['rft.title', title], ['rft.type', type || undefined], ['rft.publisher', text('publisher')]);
	}
	const authors = (item.author ?? []) as Name[];
	// A name in one part (a literal, or braced in BibTeX: `{Example Institute}`) is an organisation's, kept whole.
	for (const name of authors)
		pairs.push(name.literal || !name.given ? ['rft.aucorp', name.literal ?? name.family ?? ''] : ['rft.au', personName(name)]);
	if (authors.length === 0)
		for (const name of (item.editor ?? []) as Name[]) pairs.push(['rft.contributor', name.literal ?? personName(name)]);
	pairs.push(['rft.date', dateOf(item)]);
	if (typeof item.DOI === 'string') pairs.push(['rft_id', `info:doi/${item.DOI}`]);
	if (typeof item.URL === 'string') pairs.push(['rft_id', item.URL]);
	return pairs
		.filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')
		.map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
		.join('&');
}

const personName = (name: Name) => [name.family, name.given].filter(Boolean).join(', ');

/** The issued date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
function dateOf(item: CslItem): string | undefined {
	const parts = item.issued?.['date-parts']?.[0];
	if (!parts || parts.length === 0) return undefined;
	return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
}
