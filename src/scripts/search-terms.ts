/**
 * How the search UI judges Pagefind's matches. Pagefind matches a word that
 * starts with a searched term, and when a term matches nothing it falls back
 * to shorter prefixes of it: "alipya" then matches "al." in "et al.". A
 * matched word counts only if it starts with most of a term (all of a term
 * of up to three letters, all but the last two of a longer one, which keeps
 * "payment" for "payments"); the rest are not shown as matches.
 */

/** A query's terms, lower-cased, without punctuation. */
export const termsOf = (query: string) => query.toLowerCase().split(/\s+/).map(bare).filter(Boolean);

/** A word without the punctuation around it ("(klein" → "klein", "sandboxes." → "sandboxes"). */
export const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The terms (indexes into `terms`) a matched word stands for; none if Pagefind matched it only by a fallback. */
export function termsMatched(word: string, terms: string[]): number[] {
	const w = bare(word);
	return terms.flatMap((term, i) => (w.startsWith(term.slice(0, Math.max(3, term.length - 2))) ? [i] : []));
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one ("alipya" → "alipay" is 1). */
export function distance(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	}
	return d[a.length]![b.length]!;
}

/** The word of `words` closest to `term`, if it is close: at most one edit in five letters, and at least one. */
export function closest(term: string, words: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.floor(term.length / 5)) + 1;
	for (const word of words) {
		const dist = distance(term, bare(word));
		if (dist > 0 && dist < bestDistance) [best, bestDistance] = [word, dist];
	}
	return best;
}
