import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBibliography } from '../../src/bibliography/load.ts';
import { keySlug } from '../../src/utils/keys.ts';
import { shownCopy } from '../helpers/build.ts';
import { parseRis } from '../helpers/ris.ts';
import { built, distOf, page, ready } from '../helpers/sites.ts';

/**
 * A bibliography written the way Zotero, Better BibTeX, JabRef and biblatex
 * users write one (tests/fixtures/combined/real-bib.bib, cited by briefs/real.mdx), built unchanged: what readers see.
 */
const BRIEF = '/briefs/real/';
let doc: Document;
beforeAll(async () => {
	await ready('combined');
	doc = page('combined', BRIEF);
});
const entry = (key: string) => doc.getElementById(`bib-${key}`);
const text = (key: string) => entry(key)?.querySelector('.csl-entry')?.textContent ?? '';
const file = (name: string) => readFileSync(path.join(distOf('combined'), BRIEF, name), 'utf8');

describe('a real-world bibliography (fixture "combined", briefs/real.mdx)', () => {
	it('renders LaTeX commands, accents and quotes as text, never as raw LaTeX', () => {
		expect(text('knuth:1986a')).toContain('The TeXbook. Vol. A. Computers & Typesetting. Reading, MA: Addison-Wesley.');
		expect(text('roe2019')).toBe(
			'Roe, Rosa, Christoph Schmidt, and Jürgen Müller. 2019. “‘Mobile Money’ and the ‘Unbanked’: Evidence from LaTeX and Field Notes, 2010–2018.” Journal of Examples 12 (3): 45–67. https://doi.org/10.1234/example.roe2019.',
		);
		expect(text('doe:2020:arxiv')).toContain('Doe, Jane, François Straße, and Ana Cortés. 2020. “Long-Run Effects of Payment Platforms.”');
		expect(text('Garcia2012')).toMatch(/^García, Marta\./);
		const list = doc.querySelector('.references')?.textContent ?? '';
		expect(list).not.toMatch(/\\|\{|\}|enquote|relax|hyphen/);
	});

	it('joins lists of places and publishers as CSL does', () => {
		expect(text('wilson/intimate-2004')).toBe(
			'Wilson, Ana. 2004. Intimate Economies of Exchange. Durham; London: Example University Press; Example Books.',
		);
	});

	it('names thesis types in words, never as biblatex’s type words', () => {
		expect(text('smith_thesis_2001')).toBe('Smith, Sam. 2001. “Credit and Community.” PhD thesis, University of Example.');
		expect(text('Garcia2012')).toContain('Master’s thesis, Example Institute of Technology.');
		expect(doc.querySelector('.references')?.textContent).not.toMatch(/phdthesis|mathesis|mastersthesis/i);
	});

	it('links each DOI once, as https://doi.org/…, whether written as a DOI or as a URL', () => {
		const links = (key: string) => [...(entry(key)?.querySelectorAll('.csl-entry a') ?? [])].map((a) => a.getAttribute('href'));
		expect(links('roe2019')).toEqual(['https://doi.org/10.1234/example.roe2019']);
		expect(links('bank2021')).toEqual(['https://doi.org/10.1234/example.bank2021']);
		expect(doc.body.innerHTML).not.toContain('doi.org/https');
		expect(doc.body.innerHTML).not.toContain('dx.doi.org');
	});

	it('links an arXiv eprint that has no url, and reads biblatex inheritance (crossref, xdata)', () => {
		expect(text('doe:2020:arxiv')).toContain('https://arxiv.org/abs/9999.99999');
		expect(text('chapter2015')).toBe(
			'Adeyemi, Tunde. 2015. “Regulating Digital Credit.” In The Handbook of Examples: Finance in Practice, edited by Min Lee and Jiwoo Park, 101–30. New York; Berlin: Example Press.',
		);
		expect(text('Kim.2018-pay+ments')).toBe(
			'Kim, Soo. 2018. “Payments at the Edge.” In Proceedings of the Example Conference, 1–10. London: Example Press.',
		);
	});

	it('lists a translated book by its translator, and both works of one author and year', () => {
		expect(text('translated1999')).toBe('Tran, Anne, trans. 1999. A Translated Treatise. Paris: Example Press.');
		expect([text('knuth:1986a'), text('knuth:1986b')].map((t) => /1986[ab]/.exec(t)?.[0]).sort()).toEqual(['1986a', '1986b']);
	});

	it('resolves citations whose keys hold / : . + as written', () => {
		for (const key of ['wilson/intimate-2004', 'doe:2020:arxiv', 'Kim.2018-pay+ments']) {
			expect(doc.querySelector(`.prose a[href="#bib-${key}"]`), key).not.toBeNull();
		}
		// A source of a bibliography other than the site's has a page named after both.
		expect(page('combined', `/references/${keySlug('wilson/intimate-2004')}~~real-bib/`).querySelector('h1')?.textContent).toBe(
			'Intimate Economies of Exchange',
		);
	});

	it('shows an entry without a verification field as "Not yet checked", apart from "Unverified"', () => {
		const status = (key: string) => entry(key)?.querySelector('.status');
		expect(status('knuth:1986b')?.textContent).toBe('Not yet checked');
		expect(status('knuth:1986b')?.className).toBe('status status-unchecked');
		expect(entry('knuth:1986b')?.getAttribute('data-status')).toBe('unchecked');
		expect(status('knuth:1986a')?.textContent).toBe('Verified');
		expect(doc.getElementById('preview-knuth:1986b')?.querySelector('.status')?.textContent).toBe('Not yet checked');
	});

	it('builds a brief whose bibliography holds only comments and @string', () => {
		expect(page('combined', '/briefs/empty-bib/').querySelector('h1')?.textContent).toBe('A brief with an empty bibliography');
	});

	it('sums up at the end of the build in one line each, never a line per entry', async () => {
		const { output } = await built('combined');
		// Built from a copy of the fixture (tests/helpers/sites.ts), which the messages name.
		const bib = `${shownCopy('combined')}/real-bib.bib`;
		expect(output).toContain(
			`${bib}: 9 of 11 cited sources have no verification status ("knuth:1986b", "wilson/intimate-2004", "doe:2020:arxiv", …)`,
		);
		expect(output).toContain(`${bib}: 1 entry is never cited ("uncited-broken"; first at line 135).`);
		expect(output).toContain(
			`${bib}: 1 problem in 1 entry no brief cites (first: line 137: "uncited-broken" has verification = {perhaps}).`,
		);
		expect(output).not.toContain('handbook2015');
		expect(output.split(bib)).toHaveLength(4);
	});
});

describe('references.bib, .ris and .json of the real-world brief', () => {
	let cited: string[];
	beforeAll(() => {
		cited = [...doc.querySelectorAll('.references li.reference')].map((li) => li.getAttribute('data-key')!);
	});

	it('keep the author’s keys, once each', () => {
		expect(cited).toHaveLength(11);
		const bib = readBibliography(file('references.bib'), 'references.bib');
		expect([...bib.sources.keys()].sort()).toEqual([...cited].sort());
		expect((JSON.parse(file('references.json')) as { id: string }[]).map((item) => item.id).sort()).toEqual([...cited].sort());
		expect(
			parseRis(file('references.ris'))
				.map((record) => record['ID']?.[0])
				.sort(),
		).toEqual([...cited].sort());
	});

	it('pass our own lint as written, and read back in an independent BibTeX reader (citation-js’s file grammar), DOIs bare', () => {
		expect(readBibliography(file('references.bib'), 'references.bib').problems).toEqual([]);
		// citation-js's file grammar alone (one step of its input chain), which our pipeline no longer uses.
		type Entry = { label: string; properties: Record<string, string> };
		const input = (plugins as unknown as { input: { chainLink(data: string, options: object): Entry[] } }).input;
		const entries = input.chainLink(file('references.bib'), { forceType: '@biblatex/text' });
		expect(entries.map((e) => e.label).sort()).toEqual([...cited].sort());
		expect(entries.find((e) => e.label === 'chapter2015')?.properties).toMatchObject({
			booktitle: 'The Handbook of Examples',
			publisher: 'Example Press',
		});
		expect(entries.find((e) => e.label === 'roe2019')?.properties['doi']).toBe('10.1234/example.roe2019');
	});

	it('leave out private fields: notes, files, abstracts, keywords and our verification', () => {
		for (const name of ['references.bib', 'references.ris', 'references.json']) {
			expect(file(name), name).not.toMatch(
				/annote|private reading notes|Zotero\/storage|abstract|copied from the publisher|verification|Checked against/i,
			);
		}
	});
});
