import { z } from 'astro/zod';

/** A dated change to a published brief, listed under "Updates and corrections", in its feed and its JSON-LD. */
export const correctionSchema = z.strictObject({
	/** When the brief was corrected or updated (YYYY-MM-DD). */
	date: z.coerce.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-12-01' }),
	/** What changed and why, in one or two plain sentences. */
	text: z.string().min(1),
	/** The id of the paragraph (heading, list item…) it concerns, e.g. "regulation-p2"; that block then links here. */
	anchor: z
		.string()
		.regex(/^[^\s#]+$/, 'an anchor is an id in the brief, without "#", e.g. regulation-p2')
		.optional(),
});

export type Correction = z.output<typeof correctionSchema>;

/** The brief's "Updated" date: the later of `updated` and its newest correction. */
export function withCorrections<T extends { updated?: Date | undefined; corrections: Correction[] }>(brief: T): T {
	const newest = Math.max(brief.updated?.getTime() ?? -Infinity, ...brief.corrections.map((c) => c.date.getTime()));
	return Number.isFinite(newest) ? { ...brief, updated: new Date(newest) } : brief;
}
