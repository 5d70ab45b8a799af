import { citationRE } from 'rehype-citation/node/src/regex.js';

export interface FoundCitation {
	/** Offset of the citation (the `[` or `@`) in the searched text. */
	index: number;
	/** The whole citation as written, e.g. `[see @a, p. 4; @b]`. */
	raw: string;
	/** Cited keys, in order. */
	keys: string[];
}

const KEY_IN_CLUSTER = /@([\p{L}\d_][^\s;,\]]*[\p{L}\d_]|[\p{L}\d_])/gu;
const CITATION = new RegExp(citationRE.source, 'gu');

/**
 * Every citation rehype-citation would try to resolve in `text`, found with
 * its own pattern so that our checks and its output never disagree.
 */
export function findCitations(text: string): FoundCitation[] {
	const found: FoundCitation[] = [];
	for (const match of text.matchAll(CITATION)) {
		const [raw, cluster, , narrative] = match;
		const keys = cluster !== undefined ? [...cluster.matchAll(KEY_IN_CLUSTER)].map((m) => m[1]!) : narrative ? [narrative] : [];
		if (keys.length > 0) found.push({ index: match.index, raw, keys });
	}
	return found;
}
