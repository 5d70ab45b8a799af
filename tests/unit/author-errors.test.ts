import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/bibliography/load.ts';
import { mdxBracedCitations } from '../../src/citations/mdx-braces.ts';
import { fixture } from '../helpers/build.ts';
import { renderBrief } from '../helpers/mdx.ts';

/**
 * Mistakes an author makes, in the fixture briefs that make them, rendered as
 * a build renders them (tests/helpers/mdx.ts: Astro's own MDX renderer with
 * the site's plugins): each message names the file, line and column and says
 * what to do. A whole failing build, with every problem of a site reported at
 * once and the previous site kept: tests/build/safe-build.test.ts.
 */
const failure = async (name: string, brief: string) => {
	const error = await renderBrief(fixture(name), brief).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error, `${name}/briefs/${brief}.mdx rendered without an error`).toBeInstanceOf(Error);
	return String((error as Error).message);
};

describe('bad input stops the build with a message an author can act on', () => {
	it('unknown key: names file, line, column, key and the closest key', async () => {
		expect(await failure('unknown-key', 'typo')).toContain(
			'tests/fixtures/unknown-key/briefs/typo.mdx:11:33: unknown citation key "klien2020". Did you mean "klein2020"?',
		);
	});

	it('duplicate key: names the .bib file, line, column and the first definition', async () => {
		expect(await failure('duplicate-key', 'dup')).toContain(
			'tests/fixtures/duplicate-key/bibliography.bib:10:13: duplicate key "klein2020": it is already used by the @techreport at line 1.',
		);
	});

	it('malformed BibTeX: names the .bib line where the problem starts', async () => {
		expect(await failure('malformed-bib', 'brief')).toContain(
			'tests/fixtures/malformed-bib/bibliography.bib:3:11: malformed BibTeX: this "{" is never closed',
		);
	});
});

describe('citation problems are reported with every one located', () => {
	it('names each braced form MDX cannot carry, with its place and how to write it, before MDX reads the file', async () => {
		const file = path.join(fixture('braced-citations'), 'briefs/braces.mdx');
		const code = await readFile(file, 'utf8');
		// MDX alone stops at the first brace with a message about JavaScript; the citation stage reads the file first (enforce: 'pre').
		expect(await failure('braced-citations', 'braces')).toMatch(/Could not parse expression|is not defined/);
		const check = mdxBracedCitations(displayPath);
		expect(check.enforce).toBe('pre');
		// The bundler calls it for this file (its hook filter), and for an .mdx file asked for with a query.
		expect(check.transform.filter.id.test(file)).toBe(true);
		expect(check.transform.filter.id.test(`${file}?astroPropagatedAssets`)).toBe(true);
		expect(check.transform.filter.id.test(file.replace(/\.mdx$/, '.md'))).toBe(false);
		let message = '';
		try {
			check.transform.handler(code, file);
		} catch (error) {
			message = String((error as Error).message);
		}
		const shown = 'tests/fixtures/braced-citations/briefs/braces.mdx';
		expect(message).toContain(
			`${shown}:11:33: MDX reads "{" as the start of a JavaScript expression, so the Pandoc citation [@lamport.latex{ii, A, D-Z}] cannot be written as it is. Escape the braces: [@lamport.latex\\{ii, A, D-Z\\}]`,
		);
		expect(message).toContain(`${shown}:11:79: MDX reads "{"`);
		expect(message).toContain(
			`${shown}:13:15: MDX reads "{" as the start of a JavaScript expression, so the Pandoc citation @{knuth:mf} cannot be written as it is. Escape the braces: @\\{knuth:mf\\}.`,
		);
		expect(message).not.toContain('Could not parse expression');
		expect(message).not.toContain('[@lamport.latex{x}]');
	});

	it('reports unknown keys, citations in headings and in links, all at once', async () => {
		const output = await failure('citation-problems', 'problems');
		const file = 'tests/fixtures/citation-problems/briefs/problems.mdx';
		expect(output).toContain(`${file}:9:14: citation [@knuth:mf] sits inside a heading`);
		expect(output).toContain(`${file}:11:9: unknown citation key "knuht:mf". Did you mean "knuth:mf"?`);
		expect(output).toContain(`${file}:11:33: unknown citation key "lamport.latx". Did you mean "lamport.latex"?`);
		expect(output).toContain(`${file}:13:9: citation [@knuth/tex] sits inside a link`);
	});

	it('refuses a quotation over 60 words where it starts, with the brief’s other citation problems', async () => {
		const output = await failure('evidence-problems', 'long');
		const file = 'tests/fixtures/evidence-problems/briefs/long.mdx';
		expect(output).toContain(
			`${file}:11:35: the quotation from "wang2015" has 61 words, more than 60 (quote, don't copy). Cut it to the words the claim rests on (mark a cut with "…"), or paraphrase it and cite the page.`,
		);
		expect(output).toMatch(new RegExp(`${file}:11:\\d+: unknown citation key "wnag2015"`));
		expect(output).not.toContain(`${file}:13:`);
	});
});

describe('figure and table mistakes', () => {
	it('lists every problem of the brief at once, each with file, line and column', async () => {
		const file = 'tests/fixtures/figure-errors/briefs/mistakes.mdx';
		expect(await failure('figure-errors', 'mistakes')).toContain(
			`Figure and table errors:\n` +
				`  ${file}:11:12: unknown figure or table id "tbl-count". Did you mean "tbl-counts"? No caption in this brief ends with #tbl-count: fix the link, or end the caption with the id ("Table: What it shows. #tbl-count").\n` +
				`  ${file}:23:24: the id "tbl-counts" is already used by Table 1. Give each figure and table an id of its own.\n` +
				`  ${file}:25:1: this "Figure:" caption stands next to no image.`,
		);
	});
});
