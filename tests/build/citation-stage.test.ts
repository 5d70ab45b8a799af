import { describe, expect, it } from 'vitest';
import { built, html, page } from '../helpers/sites.ts';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('one truth per source (fixture "citation-letters")', () => {
	const both = page('citation-letters', '/briefs/both/');
	const one = page('citation-letters', '/briefs/one/');
	const all = page('citation-letters', '/references/');

	it('builds, and every link to a key with "/", ":" or "." resolves', () => {
		const { code, output } = built('citation-letters');
		expect(code, output).toBe(0);
		expect(output).toContain('every internal link and #fragment resolves');
	});

	it('gives each of one author’s works of one year its letter in the text and in the list', () => {
		expect(text(both.querySelector('#typesetting-p1'))).toContain('(Knuth 1986b, 4) and so were fonts (Knuth 1986a).');
		expect(text(both.querySelector('[id="bib-knuth/tex"] .csl-entry'))).toContain('1986b. The Program of a Typesetter');
		expect(text(both.querySelector('[id="bib-knuth:mf"] .csl-entry'))).toContain('1986a. A Program for Fonts');
	});

	it('keeps a work’s letter in a brief that cites it alone, in its preview, on /references/ and on its own page', () => {
		expect(text(one.querySelector('#fonts-p1'))).toBe('Fonts were programmed too (Knuth 1986a, 7).');
		expect(text(one.querySelector('[id="bib-knuth:mf"] .csl-entry'))).toContain('Knuth, Donald E. 1986a. A Program for Fonts');
		expect(text(both.querySelector('[id="preview-knuth/tex"] .csl-entry'))).toContain('Knuth, Donald E. 1986b.');
		expect(text(all.querySelector('[data-key="knuth:mf"] .csl-entry'))).toContain('1986a. A Program for Fonts');
		expect(text(all.querySelector('[data-key="knuth/tex"] .csl-entry'))).toContain('1986b. The Program of a Typesetter');
		const own = page('citation-letters', '/references/knuth~2ftex/');
		expect(text(own.querySelector('.reference .csl-entry'))).toContain('1986b. The Program of a Typesetter');
	});

	it('links an author-in-text citation whole, and each work of a cluster to its entry', () => {
		const narrative = [...both.querySelectorAll('#typesetting-p1 .citation a')].map((a) => [a.textContent, a.getAttribute('href')]);
		expect(narrative).toContainEqual(['Knuth (1986b, chap. 2)', '#bib-knuth/tex']);
		expect(narrative).toContainEqual(['Knuth 1986a', '#bib-knuth:mf']);
		expect(both.querySelector('[id="cite-typesetting-p1-knuth/tex"]')).not.toBeNull();
	});

	it('reads a braced locator escaped for MDX', () => {
		expect(text(both.querySelector('#typesetting-p2'))).toBe('A braced locator, escaped for MDX (Lamport 1994, iv, 12–14 and more).');
	});

	it('lets the same key name different works in two briefs’ bibliographies, each with a page of its own', () => {
		const other = page('citation-letters', '/briefs/other/');
		expect(text(other.querySelector('#fish-p1'))).toBe('Fisheries are another matter (Knuth 2001).');
		const entries = [...all.querySelectorAll('[data-key="knuth:mf"]')].map((li) => [li.id, text(li.querySelector('.csl-entry'))]);
		expect(entries).toEqual([
			['source-knuth~3amf', 'Knuth, Donald E. 1986a. A Program for Fonts. Example Press.'],
			['source-knuth~3amf~~other', 'Knuth, Jennifer. 2001. Marine Fisheries. Example Press.'],
		]);
		expect(text(page('citation-letters', '/references/knuth~3amf~~other/').querySelector('.reference .csl-entry'))).toContain('Marine Fisheries');
	});

	it('sets citeproc’s small capitals with a class, not a style the Content-Security-Policy would block', () => {
		const source = html('citation-letters', '/briefs/small-caps/');
		expect(source).not.toMatch(/<span style=/);
		const caps = page('citation-letters', '/briefs/small-caps/').querySelectorAll('.citation .small-caps, .reference .small-caps');
		expect([...caps].map((node) => node.textContent)).toEqual(['Lamport', 'Lamport, Leslie']);
	});
});

describe('citation problems fail the build with every one located', () => {
	it('names each braced form MDX cannot carry, with its place and how to write it', () => {
		const { code, output } = built('braced-citations');
		expect(code).not.toBe(0);
		const file = 'tests/fixtures/braced-citations/briefs/braces.mdx';
		expect(output).toContain(
			`${file}:11:33: MDX reads "{" as the start of a JavaScript expression, so the Pandoc citation [@lamport.latex{ii, A, D-Z}] cannot be written as it is. Escape the braces: [@lamport.latex\\{ii, A, D-Z\\}]`,
		);
		expect(output).toContain(`${file}:11:79: MDX reads "{"`);
		expect(output).toContain(`${file}:13:15: MDX reads "{" as the start of a JavaScript expression, so the Pandoc citation @{knuth:mf} cannot be written as it is. Escape the braces: @\\{knuth:mf\\}.`);
		expect(output).not.toContain('Could not parse expression');
		expect(output).not.toContain('[@lamport.latex{x}]');
	});

	it('reports unknown keys, citations in headings and in links, all at once', () => {
		const { code, output } = built('citation-problems');
		expect(code).not.toBe(0);
		const file = 'tests/fixtures/citation-problems/briefs/problems.mdx';
		expect(output).toContain(`${file}:9:14: citation [@knuth:mf] sits inside a heading`);
		expect(output).toContain(`${file}:11:9: unknown citation key "knuht:mf". Did you mean "knuth:mf"?`);
		expect(output).toContain(`${file}:11:33: unknown citation key "lamport.latx". Did you mean "lamport.latex"?`);
		expect(output).toContain(`${file}:13:9: citation [@knuth/tex] sits inside a link`);
	});
});
