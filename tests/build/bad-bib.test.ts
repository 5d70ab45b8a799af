import { describe, expect, it } from 'vitest';
import { built } from '../helpers/sites.ts';

describe('a bibliography with several problems (fixture "bad-bib-many")', () => {
	const { code, output } = built('bad-bib-many');
	const bib = 'tests/fixtures/bad-bib-many/bibliography.bib';

	it('fails once, listing every problem with its file, line and column, and the citation errors beside them', () => {
		expect(code).not.toBe(0);
		const reported = output.split('\n').filter((line) => line.startsWith(`  ${bib}:`) || line.startsWith('  tests/fixtures/bad-bib-many/briefs/'));
		expect(reported.map((line) => /^\s*(\S+?:\d+:\d+): /.exec(line)?.[1])).toEqual([
			`${bib}:2:10`, // a cited @article without a journal
			`${bib}:10:28`, // the brace before "Markets" that is never closed
			`${bib}:18:3`, // a comma missing before "year"
			`${bib}:24:15`, // an undefined @string macro
			`${bib}:26:3`, // verification = {sure}
			`${bib}:29:7`, // a key used twice
			'tests/fixtures/bad-bib-many/briefs/many.mdx:9:94', // a citation of a key no entry has
		]);
	});

	it('says how to fix each', () => {
		expect(output).toContain(`${bib}:10:28: malformed BibTeX: this "{" is never closed; add the matching "}".`);
		expect(output).toContain('is a comma missing after the previous field?');
		expect(output).toContain('Define it with @string{unknownpress = {…}} before this entry, or put the value in braces: {unknownpress}.');
	});

	it('does not fail on a problem in an entry no brief cites', () => {
		expect(output).not.toContain('nobody2024');
	});
});
