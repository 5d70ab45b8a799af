/** Normalised text for comparing anchors: lower case, single spaces, no citation keys. */
export const normalize = (text: string) =>
	text
		.replace(/\[[^\]]*@[^\]]*\]/g, ' ')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

function bigrams(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	const s = ` ${text} `;
	for (let i = 0; i < s.length - 1; i++) {
		const pair = s.slice(i, i + 2);
		counts.set(pair, (counts.get(pair) ?? 0) + 1);
	}
	return counts;
}

/** Dice coefficient over character pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
	const x = normalize(a);
	const y = normalize(b);
	if (x === y) return 1;
	if (!x || !y) return 0;
	const ax = bigrams(x);
	const by = bigrams(y);
	let shared = 0;
	let total = 0;
	for (const [pair, n] of ax) {
		shared += Math.min(n, by.get(pair) ?? 0);
		total += n;
	}
	for (const n of by.values()) total += n;
	return (2 * shared) / total;
}
