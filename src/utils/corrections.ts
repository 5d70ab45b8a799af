/** The id of a brief's "Updates and corrections" section. */
export const CORRECTIONS_ID = 'updates-and-corrections';

/** A correction's date as YYYY-MM-DD, from the schema's Date or the raw frontmatter's Date or string. */
export function correctionDate(value: unknown): string | undefined {
	const date = value instanceof Date ? value : new Date(String(value));
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/**
 * Each correction's id, in frontmatter order: `correction-2026-12-01`, and
 * `correction-2026-12-01-2` for a second one that day. The section
 * (components/Corrections.astro) and the markers (plugins/rehype-corrections.ts)
 * both name them so.
 */
export function correctionIds(dates: unknown[]): string[] {
	const seen = new Map<string, number>();
	return dates.map((value) => {
		const date = correctionDate(value) ?? 'undated';
		const n = (seen.get(date) ?? 0) + 1;
		seen.set(date, n);
		return `correction-${date}${n > 1 ? `-${n}` : ''}`;
	});
}

/** Corrections with their ids, newest first (the order of the section and the feed). */
export function listCorrections<T extends { date: Date }>(corrections: T[]): (T & { id: string })[] {
	const ids = correctionIds(corrections.map((c) => c.date));
	return corrections.map((c, i) => ({ ...c, id: ids[i]! })).sort((a, b) => b.date.getTime() - a.date.getTime());
}
