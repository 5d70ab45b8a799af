import { plainText, type InlineRun } from './mdast.ts';
import { INLINE, type Cluster, type CiteItem } from './syntax.ts';

/**
 * Quoted evidence at a citation: the passage a claim rests on, written as
 * the end of the citation's suffix, after the word `quoting`, in double
 * quotes (straight or curly):
 *
 *   [@wang2015, p. 3, quoting "the exact words"]
 *   → the citation (Wang 2015, 3), with "the exact words" lifted into its preview
 *
 * Pandoc reads the same line as an ordinary citation with a suffix, and
 * prints "(Wang 2015, 3, quoting “the exact words”)". A quotation may hold
 * no unescaped `;` or `]` (they end the citation): write `\;` and `\]`.
 */

/** Longer quotations are refused: quote, don't copy. */
export const MAX_QUOTE_WORDS = 60;

/** One citation item's quotation, lifted from its suffix. */
export interface Lifted {
	/** The suffix without the quotation (run offsets, trimmed). */
	suffix: [number, number];
	/** The quotation itself, without its quote marks, its spaces collapsed. */
	quote: string;
	/** Run offsets [start, end) of `quoting "…"`, for the written form and for messages (start of the opening mark). */
	span: [number, number];
	mark: number;
}

const OPEN = '"“';
const CLOSE = '"”';

/**
 * The quotation at the end of a suffix, if it has one: `quoting` (after the
 * start, a space or a comma), spaces, an opening mark, and a closing mark
 * that ends the suffix. `textOf` gives the text of an inline node (U+FFFC).
 */
export function liftQuote(text: string, [from, to]: [number, number], textOf: (index: number) => string): Lifted | undefined {
	if (to - from < 2 || !CLOSE.includes(text[to - 1]!)) return undefined;
	const match = /(?:^|[\s,])quoting\s+["“]/u.exec(text.slice(from, to));
	if (!match) return undefined;
	const word = from + match.index + match[0].indexOf('quoting');
	const mark = from + match.index + match[0].length - 1;
	if (mark >= to - 1 || !OPEN.includes(text[mark]!)) return undefined;
	let quote = '';
	for (let i = mark + 1; i < to - 1; i++) quote += text[i] === INLINE ? textOf(i) : text[i];
	quote = quote.replace(/\s+/g, ' ').trim();
	if (!quote) return undefined;
	let end = word;
	while (end > from && /[\s,]/.test(text[end - 1]!)) end--;
	return { suffix: [from, end], quote, span: [end, to], mark };
}

/** The quotations of a cluster's items, lifted from their suffixes. */
export function liftQuotes(run: InlineRun, cluster: Cluster): Map<CiteItem, Lifted> {
	const lifted = new Map<CiteItem, Lifted>();
	const textOf = (i: number) => plainText(run.parent.children[run.child[i]!]!);
	for (const item of cluster.items) {
		const found = liftQuote(run.text, item.suffix, textOf);
		if (found) lifted.set(item, found);
	}
	return lifted;
}

/** A cluster's quotations as its citation's span carries them to the rehype plugins (`data-quotes`), or undefined. */
export function quotesData(cluster: Cluster, lifted: Map<CiteItem, Lifted>): string | undefined {
	const quotes: QuotedItem[] = [];
	cluster.items.forEach((item, i) => {
		const found = lifted.get(item);
		if (found) quotes.push({ item: i, key: item.key, quote: found.quote });
	});
	return quotes.length > 0 ? JSON.stringify(quotes) : undefined;
}

/** Words in a quotation: runs of letters or digits between spaces. */
export const wordCount = (quote: string) => quote.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** The problem with a quotation, if it is too long, for the build's list of citation problems. */
export function quoteProblem(lifted: Lifted, key: string): string | undefined {
	const words = wordCount(lifted.quote);
	if (words <= MAX_QUOTE_WORDS) return undefined;
	return (
		`the quotation from "${key}" has ${words} words, more than ${MAX_QUOTE_WORDS} (quote, don't copy). ` +
		`Cut it to the words the claim rests on (mark a cut with "…"), or paraphrase it and cite the page.`
	);
}

/** A cited item's quotation, as the citation's span carries it to the rehype plugins (`data-quotes`). */
export interface QuotedItem {
	/** Which item of the cluster (0 = first). */
	item: number;
	key: string;
	quote: string;
}

const ELLIPSIS = /\s*(?:…|\.\s?\.\s?\.|\[…\]|\[\.\.\.\])\s*/u;
/** A text directive longer than this many words is written as its first and last words (`textStart,textEnd`). */
const SHORT = 8;
const ENDS = 4;

/**
 * A link that opens the source at the passage: a text fragment
 * (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/). Each
 * term is percent-encoded, `-`, `&` and `,` included, since they are the
 * directive's own syntax. A long quotation becomes `textStart,textEnd`; one
 * with a cut ("…") its words before the first cut and after the last.
 */
export function textFragmentUrl(url: string, quote: string): string {
	const parts = quote.split(ELLIPSIS).filter((part) => /[\p{L}\p{N}]/u.test(part));
	const words = (text: string) => text.trim().split(/\s+/);
	let directive: string;
	if (parts.length > 1) directive = `${encodeTerm(parts[0]!)},${encodeTerm(parts.at(-1)!)}`;
	else {
		const all = words(parts[0] ?? quote);
		directive =
			all.length <= SHORT
				? encodeTerm(all.join(' '))
				: `${encodeTerm(all.slice(0, ENDS).join(' '))},${encodeTerm(all.slice(-ENDS).join(' '))}`;
	}
	return `${url}${url.includes('#') ? '' : '#'}:~:text=${directive}`;
}

const encodeTerm = (term: string) => encodeURIComponent(term.trim()).replace(/-/g, '%2D');
