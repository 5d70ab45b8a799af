import { readFileSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { correctionSchema, withCorrections } from './corrections.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar date written YYYY-MM-DD, as a Date at midnight UTC. Anything else
 * is rejected with the value and the reason, never shifted: YAML would read
 * 2026-11-31 as 1 December (see `datesAsWritten`), and a Date made from
 * "2026-29-11" lands in 2028.
 */
export const calendarDate = z.union([z.string(), z.number(), z.date()]).transform((value, context) => {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
	const text = String(value instanceof Date ? '' : value).trim();
	const problem = dateProblem(text);
	if (problem !== undefined) {
		context.addIssue({ code: 'custom', message: `"${text}" is not a date${problem}; write YYYY-MM-DD, e.g. 2026-11-29` });
		return z.NEVER;
	}
	return new Date(`${text}T00:00:00Z`);
});

/** Why `text` is not a YYYY-MM-DD date (' (November has 30 days)'), '' when it is one. */
function dateProblem(text: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return '';
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	if (month < 1 || month > 12) return ` (there is no month ${month})`;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > days) return ` (${MONTHS[month - 1]}${month === 2 ? ` ${year}` : ''} has ${days} days)`;
	return undefined;
}

/** Frontmatter fields that hold dates. */
const DATE_FIELDS = ['published', 'updated'];

/**
 * Hands the schema each date as written in the file. YAML turns an unquoted
 * `published: 2026-11-31` into a Date of 1 December before any schema sees
 * it, and `2026` into a number; this wrapper around the collection's loader
 * puts the text back (from the file's frontmatter) so `calendarDate` can
 * reject it.
 */
export function datesAsWritten(loader: Loader): Loader {
	return {
		...loader,
		load: (context: LoaderContext) =>
			loader.load({
				...context,
				parseData: (props) => {
					const { data, filePath } = props;
					const coerced = DATE_FIELDS.filter((field) => data[field] instanceof Date || typeof data[field] === 'number');
					if (coerced.length === 0 || !filePath) return context.parseData(props);
					const written = frontmatterScalars(readFileSync(filePath, 'utf8'));
					const fixed: Record<string, unknown> = { ...data };
					for (const field of coerced) if (written[field] !== undefined) fixed[field] = written[field];
					return context.parseData({ ...props, data: fixed as typeof data });
				},
			}),
	};
}

/** Top-level `name: value` lines of a file's YAML frontmatter, as written (quotes and comments removed). */
function frontmatterScalars(source: string): Record<string, string> {
	const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
	const out: Record<string, string> = {};
	for (const [, name, value] of block.matchAll(/^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*(?:#.*)?$/gm)) {
		out[name!] = value!.replace(/^(['"])(.*)\1$/, '$2');
	}
	return out;
}

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
export const briefSchema = z
	.strictObject({
		/** The brief's title, plain text. */
		title: z.string().min(1),
		/** One-line standfirst shown under the title. */
		subtitle: z.string().min(1).optional(),
		/** Two or three sentences for the home page, search results and sharing cards. */
		summary: z.string().min(1),
		/** Who wrote the brief, in byline order. */
		authors: z.array(authorSchema).min(1),
		/** Date of first publication (YYYY-MM-DD). */
		published: calendarDate,
		/** Date of the last substantive revision (YYYY-MM-DD); defaults to `published`. */
		updated: calendarDate.optional(),
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
	})
	.transform(withCorrections);

export type BriefFrontmatter = z.output<typeof briefSchema>;
export type Author = z.output<typeof authorSchema>;
