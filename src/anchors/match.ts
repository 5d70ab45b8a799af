import { dice, words } from './similarity.ts';

/** An anchor as the matcher compares it: what the manifest records of a published one (manifest.ts). */
export interface AnchorText {
	/** heading, p, li, table, quote, fig, note or reference: only anchors of one kind are compared. */
	kind: string;
	/** The start of its text. */
	text: string;
	/** Id of the section it was published in (blocks only). */
	section?: string | undefined;
}

/** A new anchor of the brief, which may succeed a published one. */
export interface Candidate extends Pick<AnchorText, 'kind' | 'text'> {
	/** A heading: the section each block now under it was published in (undefined for a new block). */
	under?: (string | undefined)[] | undefined;
}

/**
 * How alike (0 to 1) a new anchor must be to a published one to succeed it:
 * the Dice coefficient of their words (similarity.ts), or, for a heading,
 * the share of the blocks under it that were published under the old one,
 * whichever is higher. Below it, an anchor is new and a published one has no
 * successor: the build keeps no anchor on an unrelated block.
 */
export const SUCCESSOR = 0.5;

export interface Matches {
	/** Published id → index in `candidates` of the anchor that succeeds it. */
	successors: Map<string, number>;
	/** Each published id left without a successor → the closest candidates of its kind, best first (at most two), for the author. */
	unmatched: Map<string, { index: number; score: number }[]>;
}

/**
 * Which new anchor succeeds which published one, each at most once. Pure:
 * the same published anchors and candidates give the same answer.
 *
 * 1. Unchanged anchors (same kind and text) pair first, in order, so that
 *    repeated texts keep their order and a swap of two blocks swaps nothing.
 * 2. The rest pair by score (see SUCCESSOR), at or above it, the most alike
 *    first; on a tie, the earlier candidate, then the earlier published anchor.
 *
 *   published { "payments-p1": p "merchants adopted printed qr codes because they cost almost nothing to set up",
 *               "payments-p2": p "later rules required platforms to hold customer funds with the central bank" }
 *   candidates [p "a new opening paragraph", p "shops took up printed qr codes since they cost almost nothing to set up and to run"]
 *   → successors { "payments-p1" → 1 }, unmatched { "payments-p2" → [{ index: 1, score: 0.07 }, { index: 0, score: 0 }] }
 */
export function matchAnchors(published: Iterable<[string, AnchorText]>, candidates: Candidate[]): Matches {
	const old = [...published];
	const successors = new Map<string, number>();
	const taken = new Set<number>();

	const unchanged = new Map<string, string[]>();
	for (const [id, { kind, text }] of old) unchanged.set(`${kind}\0${text}`, [...(unchanged.get(`${kind}\0${text}`) ?? []), id]);
	candidates.forEach(({ kind, text }, index) => {
		const id = unchanged.get(`${kind}\0${text}`)?.shift();
		if (id === undefined) return;
		successors.set(id, index);
		taken.add(index);
	});

	const candidateWords = candidates.map((candidate) => words(candidate.text));
	const scores = new Map<string, { index: number; score: number }[]>();
	const pairs: { id: string; rank: number; index: number; score: number }[] = [];
	old.forEach(([id, record], rank) => {
		if (successors.has(id)) return;
		const oldWords = words(record.text);
		const scored: { index: number; score: number }[] = [];
		candidates.forEach((candidate, index) => {
			if (candidate.kind !== record.kind) return;
			const score = Math.max(dice(oldWords, candidateWords[index]!), share(id, candidate.under));
			scored.push({ index, score });
			if (score >= SUCCESSOR && !taken.has(index)) pairs.push({ id, rank, index, score });
		});
		scores.set(id, scored);
	});
	for (const { id, index } of pairs.sort((a, b) => b.score - a.score || a.index - b.index || a.rank - b.rank)) {
		if (successors.has(id) || taken.has(index)) continue;
		successors.set(id, index);
		taken.add(index);
	}

	const unmatched = new Map<string, { index: number; score: number }[]>();
	for (const [id] of old) {
		if (successors.has(id)) continue;
		unmatched.set(id, (scores.get(id) ?? []).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, 2));
	}
	return { successors, unmatched };
}

/** The share of the blocks under a heading that were published in section `id`. */
function share(id: string, under: Candidate['under']): number {
	if (!under || under.length === 0) return 0;
	return under.filter((section) => section === id).length / under.length;
}
