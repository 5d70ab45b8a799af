import { describe, expect, it } from 'vitest';
import { bigBibliography } from '../../scripts/big-bib.ts';
import { lineIndex, parseBibtex, plainText, readBibtex } from '../../src/bibliography/parse-bibtex.ts';
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

	it('expands @string macros built with # from other macros, in either delimiter', () => {
		const [e] = parseBibtex('@String(j = "Journal of ")\n@STRING{jp = j # {Payments}}\n@article{k, journaltitle = jp # " Research"}');
		expect(e?.fields['journaltitle']).toBe('Journal of Payments Research');
	});

	it('counts braces as BibTeX and biber (btparse) do: a backslash escapes none of them', () => {
		// Each value as Text::BibTeX (biber's reader) returns it for the same text.
		const [sets, path] = parseBibtex('@misc{a, title = {Sets \\{x, y\\} and more}}\n@misc{b, title = {C:\\}, note = {after}}');
		expect(sets?.fields['title']).toBe('Sets \\{x, y\\} and more');
		expect(path?.fields).toEqual({ title: 'C:\\', note: 'after' });
		// A LaTeX line break (\\) before a group is no escaped brace.
		expect(readBibtex('@misc{c, title = {line\\\\{B}}, note = {x}}').entries[0]?.fields).toEqual({ title: 'line\\\\{B}', note: 'x' });
	});

	it('reports a lone \\{ as the unbalanced brace it is for BibTeX and biber, and a \\" that ends a quoted value', () => {
		const { problems } = readBibtex('@misc{a, title = {one \\{ two}}\n@misc{b, title = "M\\"uller"}\n@misc{c, title = {Fine}}\n');
		expect(problems.map((p) => `${p.line}:${p.column}: ${p.reason}`)).toEqual([
			'1:23: this "\\{" is a brace for BibTeX and biber too, and nothing closes it; write it with its "\\}", or alone as \\textbraceleft',
			'2:21: this "\\"" ends the quoted value, as any quote outside braces does in BibTeX and biber; write the accent in braces ({\\"u}), or the value in braces instead of quotes',
		]);
	});

	it('expands @string macros as BibTeX does: names in any case, the last definition, # joins, months', () => {
		const [e] = parseBibtex(
			'@string{JGS = {Journal of {G}eneric Studies}}\n@string{ed = "First"}\n@string{ED = "Second" # { } # "edition"}\n@article{k, journal = jgs # { } # "6", edition = Ed, month = DEC}',
		);
		expect(e?.fields).toEqual({ journal: 'Journal of {G}eneric Studies 6', edition: 'Second edition', month: '12' });
	});

	it('leaves URLs with & and # alone inside braces', () => {
		const [e] = parseBibtex('@misc{k, url = {https://example.org/a?b=1&c=2#d}}');
		expect(e?.fields['url']).toBe('https://example.org/a?b=1&c=2#d');
	});

	it('reads keys with / : . - + and non-ASCII letters, exactly as written', () => {
		const keys = ['doi:10.1/x', 'a/b', 'Smith.2020-a+b', 'Ершов1986', '日本2020'];
		const text = keys.map((key) => `@misc{${key}, title = {T}}`).join('\n');
		expect(parseBibtex(text).map((e) => e.key)).toEqual(keys);
	});

	it('keeps nested braces, quotes inside braces, and case-insensitive field names', () => {
		const [e] = parseBibtex('@Article{k, TiTlE = {The {\\"O}ld {and {New}}}, Author = "{\\"U}ber, A. and \\{B\\}"}');
		expect(e?.fields).toEqual({ title: 'The {\\"O}ld {and {New}}', author: '{\\"U}ber, A. and \\{B\\}' });
	});

	it('skips @preamble, @comment and text between entries, and an address with "@" in a comment line', () => {
		const { entries, problems, preambles } = readBibtex(
			'This file was written by JabRef.\nMail me@example.org with fixes.\n@preamble{"\\newcommand{\\noop}[1]{}"}\n' +
				'@comment{jabref-meta: databaseType:biblatex;}\n@Comment an old-style comment line\n% @misc{commented, title = {Out}}\n@misc{k, title = {T}}\n',
		);
		expect(problems).toEqual([]);
		expect(preambles).toEqual(['\\newcommand{\\noop}[1]{}']);
		expect(entries.map((e) => e.key)).toEqual(['k']);
	});

	it('reads a file of only comments and @string as no entries and no problems', () => {
		expect(readBibtex('% nothing here yet\n@comment{later}\n@string{x = {y}}\n')).toEqual({ entries: [], problems: [], preambles: [] });
		expect(readBibtex('')).toEqual({ entries: [], problems: [], preambles: [] });
	});

	it('rejects an unclosed brace at the line and column where it opens', () => {
		expect(() => parseBibtex('@misc{k,\n  title = {Never closed,\n  year = {2020}\n')).toThrowErrorMatchingInlineSnapshot(
			`[BibtexSyntaxError: 2:11: this "{" is never closed; add the matching "}"]`,
		);
	});

	it('reports the brace that is never closed, not the next entry, and still reads that entry', () => {
		const { entries, problems } = readBibtex(
			'@misc{a,\n  title = {China {Digital} Payments,\n  year = {2020},\n}\n\n@misc{b, title = {B}}\n',
		);
		expect(problems).toEqual([{ line: 2, column: 11, reason: 'this "{" is never closed; add the matching "}"' }]);
		expect(entries.map((e) => [e.key, e.incomplete])).toEqual([
			['a', true],
			['b', undefined],
		]);
	});

	it('rejects a missing comma between fields', () => {
		expect(() => parseBibtex('@misc{k,\n  title = {A}\n  year = {2020}\n}')).toThrowErrorMatchingInlineSnapshot(
			`[BibtexSyntaxError: 3:3: expected "," or "}" in entry "k", found "y"; is a comma missing after the previous field?]`,
		);
	});

	it('reports an entry never closed after its last field', () => {
		const { problems } = readBibtex('@misc{a,\n  title = {A}\n\n@misc{b, title = {B}}');
		expect(problems).toEqual([{ line: 2, column: 14, reason: 'entry "a" is never closed; add "}" after its last field' }]);
	});

	it('rejects a field given twice, naming the entry', () => {
		expect(() => parseBibtex('@misc{k, year = {1}, year = {2}}')).toThrow(/field "year" appears twice in entry "k"/);
		expect(readBibtex('@misc{k, year = {1}, Year = {2}}').problems[0]).toMatchObject({ line: 1, column: 22, key: 'k' });
	});

	it('reports every problem of a file at once, each where it stands, and reads the entries between them', () => {
		const text = [
			'@misc{a, title = {A}}', // 1
			'@misc{b,', // 2
			'  title = {B}', // 3
			'  year = {2020}', // 4: missing comma before this field
			'}',
			'@misc{c, title = undefinedmacro}', // 6
			'@misc{d, title = {D}}',
			'@misc{e, title = "unbalanced } brace"}', // 8
			'@misc{f,', // 9
			'  title = {never closed,', // 10
			'}',
			'@misc{g, title = {G}}',
		].join('\n');
		const { entries, problems } = readBibtex(text);
		expect(problems.map(({ line, column, reason }) => `${line}:${column}: ${reason.split(';')[0]}`)).toEqual([
			'4:3: expected "," or "}" in entry "b", found "y"',
			'6:18: unknown @string "undefinedmacro" in field "title" of "c". Define it with @string{undefinedmacro = {…}} before this entry, or put the value in braces: {undefinedmacro}',
			'8:30: this "}" closes no "{" in a quoted value',
			'10:11: this "{" is never closed',
		]);
		expect(entries.map((e) => e.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(problems[1]).toMatchObject({ key: 'c' });
	});

	it('gives plain text for display', () => {
		expect(plainText('The {Digital} Silk Road \\& more -- {China}')).toBe('The Digital Silk Road & more – China');
	});

	it('finds line and column by offset', () => {
		const at = lineIndex('ab\ncd\n\nef');
		expect([0, 1, 3, 6, 7, 8].map((offset) => at(offset))).toEqual([
			{ line: 1, column: 1 },
			{ line: 1, column: 2 },
			{ line: 2, column: 1 },
			{ line: 3, column: 1 },
			{ line: 4, column: 1 },
			{ line: 4, column: 2 },
		]);
	});

	it('reads in time linear in the size of the file', () => {
		// This process's CPU time, the least of several runs: other work on a shared machine only ever adds to it.
		const time = (text: string) =>
			Math.min(
				...Array.from({ length: 5 }, () => {
					const start = process.cpuUsage();
					readBibtex(text);
					const { user, system } = process.cpuUsage(start);
					return user + system;
				}),
			);
		const small = bigBibliography(500);
		const large = bigBibliography(4000);
		time(small); // warm up
		// 8 times the entries: a quadratic reader takes 64 times as long, a linear one 8 (measured 8 to 19 on a
		// busy machine, where the garbage collector's share grows with the heap). The bound sits between.
		const ratio = time(large) / time(small);
		expect(ratio, `4,000 entries took ${ratio.toFixed(1)} times as long as 500`).toBeLessThan(32);
		expect(readBibtex(large).entries).toHaveLength(4000);
	}, 60_000);
});

describe('lintEntries', () => {
	it('accepts a complete entry', () => {
		expect(lintEntries(parseBibtex(entry('  author = {A}, title = {T}, journal = {J}, year = {2020},', 'article')))).toEqual([]);
	});

	it('reports a duplicate key at the second entry, naming the first', () => {
		const problems = lintEntries(parseBibtex(entry('  title = {T},') + entry('  title = {U},')));
		expect(problems).toEqual([
			{
				line: 6,
				column: 7,
				severity: 'error',
				keys: [],
				message: expect.stringContaining('duplicate key "k": it is already used by the @misc at line 1'),
			},
		]);
	});

	it('reports a duplicate DOI, however it is written', () => {
		const problems = lintEntries(
			parseBibtex(
				entry('  title = {T}, doi = {10.1/X},', 'misc', 'a') + entry('  title = {U}, doi = {https://doi.org/10.1/x},', 'misc', 'b'),
			),
		);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('duplicate DOI "10.1/x": "b" and "a"')]);
		expect(problems[0]?.keys).toEqual(['b', 'a']);
	});

	it('reports fields an entry type needs', () => {
		const problems = lintEntries(parseBibtex(entry('  author = {A}, year = {2020},', 'article')));
		expect(problems.map((p) => p.message)).toEqual([
			'@article "k" has no "title" field. Add it, or use an entry type that fits the work.',
			'@article "k" has no "journaltitle" or "journal" field. Add it, or use an entry type that fits the work.',
		]);
	});

	it('accepts a missing verification, and rejects an unknown one', () => {
		expect(lintEntries(parseBibtex('@misc{k, title = {T}}'))).toEqual([]);
		const [wrong] = lintEntries(parseBibtex('@misc{k, title = {T}, verification = {sure}}'));
		expect(wrong).toMatchObject({
			line: 1,
			column: 23,
			keys: ['k'],
			message: expect.stringMatching(/use one of verified, likely, unverified/),
		});
	});

	it('requires a verification status when the site is strict', () => {
		const [missing] = lintEntries(parseBibtex('@misc{k, title = {T}}'), { strictVerification: true });
		expect(missing).toMatchObject({
			severity: 'error',
			keys: ['k'],
			message: expect.stringMatching(/has no "verification" field, and this site requires one/),
		});
	});
});
