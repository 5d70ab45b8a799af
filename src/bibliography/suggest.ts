import { distance } from 'fastest-levenshtein';

/** Up to `limit` candidates closest to `wanted`, for "did you mean …?" hints. */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
	const needle = wanted.toLowerCase();
	return [...candidates]
		.map((candidate) => ({ candidate, d: distance(needle, candidate.toLowerCase()) }))
		.filter(({ d, candidate }) => d <= Math.max(2, Math.ceil(candidate.length / 3)))
		.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map(({ candidate }) => candidate);
}
