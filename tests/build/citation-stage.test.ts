import { beforeAll, describe, expect, it } from 'vitest';
import { built, html, page, ready } from '../helpers/sites.ts';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('one truth per source (fixture "combined": both, one, other and small-caps, citing bibliography.bib and other.bib)', () => {
	let both: Document;
	let one: Document;
	let all: Document;
	beforeAll(async () => {
		await ready('combined');
		both = page('combined', '/briefs/both/');
		one = page('combined', '/briefs/one/');
		all = page('combined', '/references/');
	});

	it('builds, and every link to a key with "/", ":" or "." resolves', async () => {
		const { output } = await built('combined');
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
		const own = page('combined', '/references/knuth~2ftex/');
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
		const other = page('combined', '/briefs/other/');
		expect(text(other.querySelector('#fish-p1'))).toBe('Fisheries are another matter (Knuth 2001).');
		const entries = [...all.querySelectorAll('[data-key="knuth:mf"]')].map((li) => [li.id, text(li.querySelector('.csl-entry'))]);
		expect(entries).toEqual([
			['source-knuth~3amf', 'Knuth, Donald E. 1986a. A Program for Fonts. Example Press.'],
			['source-knuth~3amf~~other', 'Knuth, Jennifer. 2001. Marine Fisheries. Example Press.'],
		]);
		expect(text(page('combined', '/references/knuth~3amf~~other/').querySelector('.reference .csl-entry'))).toContain('Marine Fisheries');
	});

	it('sets citeproc’s small capitals with a class, not a style the Content-Security-Policy would block', () => {
		const source = html('combined', '/briefs/small-caps/');
		expect(source).not.toMatch(/<span style=/);
		const caps = page('combined', '/briefs/small-caps/').querySelectorAll('.citation .small-caps, .reference .small-caps');
		expect([...caps].map((node) => node.textContent)).toEqual(['Lamport', 'Lamport, Leslie']);
	});
});

// Citation problems (braced forms MDX cannot carry, unknown keys, citations in headings and links): tests/unit/author-errors.test.ts.
