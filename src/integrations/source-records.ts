import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { SourcedConfig } from '../integration/config.ts';
import { titleLine, type SiteSource } from '../sources/model.ts';
import { strings } from '../ui/strings.ts';

/** A source as a search record of its own (Pagefind's `CustomRecord`). */
export interface SourceRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}

const URL_RE = /\s*https?:\/\/\S+/g;

/** A formatted entry's text: its HTML without tags, with citeproc's escapes read back. */
const entryText = (html: string) =>
	toString(fromHtml(html, { fragment: true }))
		.replace(/\s+/g, ' ')
		.trim();

/**
 * One search record per source, however many briefs cite it: author, title,
 * year and publisher (the formatted entry), its verification status and
 * note, and where it is cited: as on the references page, the newest few
 * citing briefs (`site.citingBriefsListed`) with the passages they quote,
 * then how many more. Built from the source model (sources/model.ts). A record
 * must not grow with the site: a source cited by 3,000 briefs once made a
 * 445 KB record that every search for it downloaded and excerpted. Every
 * citing section is still a section result of its own. The record links to
 * the source's entry on the references page, whose links go on to the citing
 * paragraphs and to the source's own page, which lists them all.
 */
export function sourceRecords(sources: SiteSource[], { site }: Pick<SourcedConfig, 'site'>): SourceRecord[] {
	return sources.map((source) => {
		const status = strings.status[source.status];
		const named = source.citedIn
			.slice(0, site.citingBriefsListed)
			.map(({ brief, blocks, quotes }) =>
				[`${brief.title}.`, strings.citedIn, blocks.map((block) => block.label).join(', '), ...quotes.map((quote) => `“${quote}”`)].join(
					' ',
				),
			);
		const more = source.citedIn.length - named.length;
		return {
			// A site path, like the pages Pagefind indexes: the search module gives Pagefind the base path to put before it.
			url: `/references/#source-${source.slug}`,
			// The entry without its address: a search finds the source by author, title or publisher, and its excerpt is one line.
			content: [
				entryText(source.html).replace(URL_RE, '').replace(/\s+\./g, '.').trim(),
				`${status}.`,
				source.note,
				...named,
				more > 0 ? strings.citedInMore(more) : '',
			]
				.filter(Boolean)
				.join(' '),
			language: site.lang,
			meta: { title: titleLine(source.shortTitle), status },
			filters: {
				type: [strings.resultTypes.sources],
				brief: [...new Set(source.citedIn.map(({ brief }) => brief.title))],
				topic: [...new Set(source.citedIn.flatMap(({ brief }) => brief.topics))],
				status: [status],
			},
		};
	});
}
