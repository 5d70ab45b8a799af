import { describe, expect, it } from 'vitest';
import { parseBibtex, plainText } from '../../src/bibliography/parse-bibtex.ts';
import { lintEntries } from '../../src/bibliography/lint.ts';

const entry = (fields: string, type = 'misc', key = 'k') =>
	`@${type}{${key},\n${fields}\n  verification = {verified},\n  verificationnote = {n}\n}\n`;

describe('parseBibtex', () => {
	it('reads types, keys, fields and where each key stands', () => {
		const [first, second] = parseBibtex(
			'% comment\n@Book{gordon2023,\n  Editor = {Gordon, David and Nouwens, Meia},\n  title = "The {Digital} Silk Road",\n  year = 2023,\n}\n\n@misc(x, note = {a} # " b")',
		);
		expect(first).toMatchObject({ type: 'book', key: 'gordon2023', line: 2, column: 7 });
		expect(first?.fields).toEqual({ editor: 'Gordon, David and Nouwens, Meia', title: 'The {Digital} Silk Road', year: '2023' });
		expect(first?.fieldPositions['title']).toEqual({ line: 4, column: 3 });
		expect(second).toMatchObject({ key: 'x', fields: { note: 'a b' } });
	});

	it('expands @string macros and month names', () => {
		const [e] = parseBibtex('@string{bi = {Brookings Institution}}\n@techreport{k, institution = bi, month = apr}');
		expect(e?.fields).toEqual({ institution: 'Brookings Institution', month: '4' });
	});

	it('leaves URLs with & and # alone inside braces', () => {
		const [e] = parseBibtex('@misc{k, url = {https://example.org/a?b=1&c=2#d}}');
		expect(e?.fields['url']).toBe('https://example.org/a?b=1&c=2#d');
	});

	it('rejects an unclosed brace at the line and column where it opens', () => {
		expect(() => parseBibtex('@misc{k,\n  title = {Never closed,\n  year = {2020}\n')).toThrowErrorMatchingInlineSnapshot(
			`[BibtexSyntaxError: 2:11: this "{" is never closed; add the matching "}"]`,
		);
	});

	it('rejects a missing comma between fields', () => {
		expect(() => parseBibtex('@misc{k,\n  title = {A}\n  year = {2020}\n}')).toThrowErrorMatchingInlineSnapshot(
			`[BibtexSyntaxError: 3:3: expected "," or "}" in entry "k", found "y"; is a comma missing after the previous field?]`,
		);
	});

	it('rejects a field given twice', () => {
		expect(() => parseBibtex('@misc{k, year = {1}, year = {2}}')).toThrow(/field "year" appears twice in entry "k"/);
	});

	it('gives plain text for display', () => {
		expect(plainText('The {Digital} Silk Road \\& more -- {China}')).toBe('The Digital Silk Road & more – China');
	});
});

describe('lintEntries', () => {
	it('accepts a complete entry', () => {
		expect(lintEntries(parseBibtex(entry('  author = {A}, title = {T}, journal = {J}, year = {2020},', 'article')))).toEqual([]);
	});

	it('reports a duplicate key at the second entry, naming the first', () => {
		const problems = lintEntries(parseBibtex(entry('  title = {T},') + entry('  title = {U},')));
		expect(problems).toEqual([
			{ line: 6, column: 7, message: expect.stringContaining('duplicate key "k": it is already used by the @misc at line 1') },
		]);
	});

	it('reports a duplicate DOI, however it is written', () => {
		const problems = lintEntries(
			parseBibtex(entry('  title = {T}, doi = {10.1/X},', 'misc', 'a') + entry('  title = {U}, doi = {https://doi.org/10.1/x},', 'misc', 'b')),
		);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('duplicate DOI "10.1/x": "b" and "a"')]);
	});

	it('reports fields an entry type needs', () => {
		const problems = lintEntries(parseBibtex(entry('  author = {A}, year = {2020},', 'article')));
		expect(problems.map((p) => p.message)).toEqual([
			'@article "k" has no "title" field. Add it, or use an entry type that fits the work.',
			'@article "k" has no "journal" field. Add it, or use an entry type that fits the work.',
		]);
	});

	it('requires a known verification status', () => {
		const [missing] = lintEntries(parseBibtex('@misc{k, title = {T}}'));
		expect(missing?.message).toMatch(/has no "verification" field/);
		const [wrong] = lintEntries(parseBibtex('@misc{k, title = {T}, verification = {sure}}'));
		expect(wrong).toMatchObject({ line: 1, column: 23, message: expect.stringMatching(/use one of verified, likely, unverified/) });
	});
});
