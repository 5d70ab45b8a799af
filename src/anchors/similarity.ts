/** Normalised text for comparing anchors: lower case, single spaces, no citation keys. */
export const normalize = (text: string) =>
	text
		.replace(/\[[^\]]*@[^\]]*\]/g, ' ')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** Words, and each character of the scripts written without spaces between words. */
const WORD = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Thai}|[\p{L}\p{N}]+/gu;

/** A text's words, normalised, for `dice`. */
export const words = (text: string): string[] => normalize(text).match(WORD) ?? [];

/**
 * Dice coefficient over words, each counted as often as it occurs: 1 for the
 * same text, 0 for no word in common. Words rather than pairs of characters:
 * over pairs of characters any two English paragraphs share "th", "he" and
 * " a", and two unrelated paragraphs of one brief scored up to 0.74; over
 * words they stay below 0.5 unless they say the same thing.
 */
export const similarity = (a: string, b: string): number => dice(words(a), words(b));

/** `similarity` of two texts' words (`words`), for a caller that compares each text many times. */
export function dice(x: string[], y: string[]): number {
	if (x.join(' ') === y.join(' ')) return 1;
	if (x.length === 0 || y.length === 0) return 0;
	const counts = new Map<string, number>();
	for (const word of x) counts.set(word, (counts.get(word) ?? 0) + 1);
	let shared = 0;
	for (const word of y) {
		const n = counts.get(word) ?? 0;
		if (n === 0) continue;
		shared++;
		counts.set(word, n - 1);
	}
	return (2 * shared) / (x.length + y.length);
}
