import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { briefSchema, datesAsWritten } from '../../src/schemas/brief.ts';

const brief = (published: unknown) => ({ title: 'T', summary: 'S', authors: [{ name: 'A' }], published });
const problem = (published: unknown) =>
	briefSchema.safeParse(brief(published)).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('frontmatter dates', () => {
	it('reads YYYY-MM-DD as that day', () => {
		expect(briefSchema.parse(brief('2026-11-29')).published.toISOString()).toBe('2026-11-29T00:00:00.000Z');
		expect(briefSchema.parse(brief('2028-02-29')).published.toISOString()).toBe('2028-02-29T00:00:00.000Z');
	});

	it('rejects a date that does not exist, with the field, the value and the reason, instead of shifting it', () => {
		expect(problem('2026-11-31')).toEqual([
			'published: "2026-11-31" is not a date (November has 30 days); write YYYY-MM-DD, e.g. 2026-11-29',
		]);
		expect(problem('2026-29-11')).toEqual([
			'published: "2026-29-11" is not a date (there is no month 29); write YYYY-MM-DD, e.g. 2026-11-29',
		]);
		expect(problem('2026-02-29')).toEqual([
			'published: "2026-02-29" is not a date (February 2026 has 28 days); write YYYY-MM-DD, e.g. 2026-11-29',
		]);
	});

	it('rejects a year alone, a date without leading zeros, and words', () => {
		for (const value of [2026, '2026', '2026-2-3', 'sometime soon']) {
			expect(problem(value)).toEqual([`published: "${value}" is not a date; write YYYY-MM-DD, e.g. 2026-11-29`]);
		}
	});

	it('hands the schema the text YAML turned into a Date or a number', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sourced-dates-'));
		const file = path.join(dir, 'b.mdx');
		writeFileSync(file, '---\ntitle: T\npublished: 2026-11-31 # unquoted\nupdated: 2026\n---\n\nText.\n');
		const seen: Record<string, unknown>[] = [];
		// What js-yaml (Astro's frontmatter reader) makes of those lines: 1 December, and a number.
		const yaml = { title: 'T', published: new Date('2026-12-01T00:00:00Z'), updated: 2026 };
		const inner: Loader = {
			name: 'test',
			load: async (context) => void (await context.parseData({ id: 'b', data: yaml, filePath: file })),
		};
		const context = {
			parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve((seen.push(data), data)),
		} as unknown as LoaderContext;
		await datesAsWritten(inner).load(context);
		expect(seen).toEqual([{ title: 'T', published: '2026-11-31', updated: '2026' }]);
	});
});
