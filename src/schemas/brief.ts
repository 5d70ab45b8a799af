import { z } from 'astro/zod';
import { correctionSchema, withCorrections } from './corrections.ts';

/** An author of a brief, as shown in its header and in its citation record. */
export const authorSchema = z.strictObject({
	/** Full name as it should be printed, e.g. "Qian Zhou". */
	name: z.string().min(1),
	/** Institution or team the author writes for. */
	affiliation: z.string().min(1).optional(),
	/** ORCID iD in its bare form, e.g. 0000-0002-1825-0097. */
	orcid: z
		.string()
		.regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'ORCID must look like 0000-0002-1825-0097')
		.optional(),
});

/** Frontmatter of a brief in `content/briefs/*.mdx`. */
export const briefSchema = z.strictObject({
	/** The brief's title, plain text. */
	title: z.string().min(1),
	/** One-line standfirst shown under the title. */
	subtitle: z.string().min(1).optional(),
	/** Two or three sentences for the home page, search results and sharing cards. */
	summary: z.string().min(1),
	/** Who wrote the brief, in byline order. */
	authors: z.array(authorSchema).min(1),
	/** Date of first publication (YYYY-MM-DD). */
	published: z.coerce.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-11-29' }),
	/** Date of the last substantive revision (YYYY-MM-DD); defaults to `published`. */
	updated: z.coerce.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-11-29' }).optional(),
	/** Subject tags, used on the home page and as search filters. */
	topics: z.array(z.string().min(1)).default([]),
	/** Bibliography file relative to `content/`; defaults to `bibliography.bib`. */
	bibliography: z.string().endsWith('.bib').optional(),
	/** CSL style: a bundled name (chicago, apa, vancouver, harvard1, mla) or a .csl file relative to `content/`. */
	csl: z.string().min(1).optional(),
	/** Drafts are built in `astro dev` only. */
	draft: z.boolean().default(false),
	/** Dated corrections and updates since publication; the newest sets "Updated". */
	corrections: z.array(correctionSchema).default([]),
}).transform(withCorrections);

export type BriefFrontmatter = z.output<typeof briefSchema>;
export type Author = z.output<typeof authorSchema>;
