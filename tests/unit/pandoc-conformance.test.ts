import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPandoc, pandocFixture, pandocPlain } from '../helpers/pandoc.ts';
import { render } from './process.ts';

/**
 * Pandoc conformance: every citation form of Pandoc's manual ("Citation
 * syntax") and of its citeproc tests (pandoc-citeproc-chicago-author-date,
 * -locators-integrated, -locators-delimited), one paragraph each, through the
 * real pipeline, against the text Pandoc 2.17 renders for the same
 * bibliography and CSL style:
 *
 *   pandoc --citeproc --csl src/csl/chicago-author-date.csl \
 *     --bibliography tests/fixtures/pandoc/references.bib -t plain --wrap=none
 *
 * The expected text was captured once from Pandoc and read by eye; the test
 * needs no Pandoc (the last test checks the captures against Pandoc when it
 * is installed).
 */
const FORMS: [markdown: string, pandoc: string][] = [
	['Blah blah [@doe99; @smith04; @item1].', 'Blah blah (Dole 1999; Smith 2004; Doe 2005).'],
	[
		'Blah blah [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1].',
		'Blah blah (see Dole 1999, 33–35 and passim; Smith 2004, chap. 1).',
	],
	['Blah blah [see @doe99 pp. 33-35 and *passim*; @smith04 chap. 1].', 'Blah blah (see Dole 1999, 33–35 and passim; Smith 2004, chap. 1).'],
	['[@smith04{ii, A, D-Z}, with a suffix]', '(Smith 2004, ii, A, D–Z, with a suffix)'],
	['[@smith04, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]', '(Smith 2004, iv, vi–xi, (xv)–(xvii) with suffix here)'],
	['[@smith04{}, 99 years later]', '(Smith 2004, 99 years later)'],
	['Smith says blah [-@smith04].', 'Smith says blah (2004).'],
	['@smith04 says blah.', 'Smith (2004) says blah.'],
	['@smith04 [p. 33] says blah.', 'Smith (2004, 33) says blah.'],
	['@item1 [p. 30, with suffix] says blah.', 'Doe (2005, 30, with suffix) says blah.'],
	['@item1 [-@item2 p. 30; see also @пункт3] says blah.', 'Doe (2005; 2006, 30; see also Doe and Roe 2007) says blah.'],
	[
		'@пункт3 [p. 12] and a citation without locators [@пункт3].',
		'Doe and Roe (2007, 12) and a citation without locators (Doe and Roe 2007).',
	],
	[
		'A citation group [see @item1 chap. 3; also @пункт3 p. 34-35].',
		'A citation group (see Doe 2005, chap. 3; also Doe and Roe 2007, 34–35).',
	],
	['Another one [see @item1 p. 34-35].', 'Another one (see Doe 2005, 34–35).'],
	['Some citations [see @item1 chap. 3; @пункт3; @item2].', 'Some citations (see Doe 2005, chap. 3; 2006; Doe and Roe 2007).'],
	[
		'Citation with a suffix and locator [@item1 pp. 33, 35-37, and nowhere else].',
		'Citation with a suffix and locator (Doe 2005, 33, 35–37, and nowhere else).',
	],
	['Citation with suffix only [@item1 and nowhere else].', 'Citation with suffix only (Doe 2005 and nowhere else).'],
	[
		'Like a citation without author: [-@item1], and now Doe with a locator [-@item2 p. 44].',
		'Like a citation without author: (2005), and now Doe with a locator (2006, 44).',
	],
	['With some markup [*see* @item1 p. **32**].', 'With some markup (see Doe 2005, 32).'],
	['Keys end before a final period: @Foo_bar.baz.', 'Keys end before a final period: Foo (2010).'],
	['A braced key keeps it: [@{Foo_bar.baz}].', 'A braced key keeps it: (Foo 2010).'],
	['@item1 [p. 33; @item2] says blah.', 'Doe (2005, 33; 2006) says blah.'],
	['In parentheses (@item1) and (@item1 [p. 4]).', 'In parentheses (Doe (2005)) and (Doe (2005, 4)).'],
	['A locator without a comma [see @item1 p. 34-35].', 'A locator without a comma (see Doe 2005, 34–35).'],
	['A suffix without a comma [@item1 with a remark].', 'A suffix without a comma (Doe 2005 with a remark).'],
	['A suffix after a comma [@item1, with a remark].', 'A suffix after a comma (Doe 2005, with a remark).'],
	['[@item1, chap. 2] and [@item1, chaps. 2-3].', '(Doe 2005, chap. 2) and (Doe 2005, chaps. 2–3).'],
	['[@item1, sec. 4] and [@item1, secs. 4-5].', '(Doe 2005, sec. 4) and (Doe 2005, secs. 4–5).'],
	['[@item1, § 4] and [@item1, §§ 4-5].', '(Doe 2005, sec. 4) and (Doe 2005, secs. 4–5).'],
	['[@item1, ¶ 4] and [@item1, ¶¶ 4-5].', '(Doe 2005, para. 4) and (Doe 2005, paras. 4–5).'],
	['[@item1, s.v. water] and [@item1, s.vv. water].', '(Doe 2005, s.v. water) and (Doe 2005, s.vv. water).'],
	['[@item1, vol. 2] and [@item1, vols. 2-3].', '(Doe 2005, vol. 2) and (Doe 2005, vols. 2–3).'],
	['[@item1, fig. 2] and [@item1, figs. 2-3].', '(Doe 2005, fig. 2) and (Doe 2005, figs. 2–3).'],
	['[@item1, l. 10] and [@item1, ll. 10-12].', '(Doe 2005, l. 10) and (Doe 2005, ll. 10–12).'],
	['[@item1, n. 5] and [@item1, nn. 5-6].', '(Doe 2005, n. 5) and (Doe 2005, nn. 5–6).'],
	['[@item1, no. 3] and [@item1, nos. 3-4].', '(Doe 2005, no. 3) and (Doe 2005, nos. 3–4).'],
	['[@item1, op. 9] and [@item1, opp. 9-10].', '(Doe 2005, op. 9) and (Doe 2005, opp. 9–10).'],
	['[@item1, pt. 2] and [@item1, pts. 2-3].', '(Doe 2005, pt. 2) and (Doe 2005, pts. 2–3).'],
	['[@item1, v. 7] and [@item1, vv. 7-9].', '(Doe 2005, v. 7) and (Doe 2005, vv. 7–9).'],
	['[@item1, col. 3] and [@item1, cols. 3-4].', '(Doe 2005, col. 3) and (Doe 2005, cols. 3–4).'],
	['[@item1, bk. 2] and [@item1, bks. 2-3].', '(Doe 2005, bk. 2) and (Doe 2005, bks. 2–3).'],
	['[@item1, fol. 12] and [@item1, fols. 12-13].', '(Doe 2005, fol. 12) and (Doe 2005, fols. 12–13).'],
	['[@item1, para. 2] and [@item1, paras. 2-3].', '(Doe 2005, para. 2) and (Doe 2005, paras. 2–3).'],
	['[@item1, page 4] and [@item1, chapter 4].', '(Doe 2005, 4) and (Doe 2005, chap. 4).'],
	['[@item1, p. 33] and [@item1, pp. 33-35] and [@item1, 33-35].', '(Doe 2005, 33) and (Doe 2005, 33–35) and (Doe 2005, 33–35).'],
	['[@item1, xi, will be entirely suffix]', '(Doe 2005, xi, will be entirely suffix)'],
	['[@item1, p. xi, gives a page locator]', '(Doe 2005, xi, gives a page locator)'],
	['[@item1, pp. VII, 89, gives pages]', '(Doe 2005, VII, 89, gives pages)'],
	['[@item1, 89, and suffix]', '(Doe 2005, 89, and suffix)'],
	[
		'Two works of one year [@knuth:tex; @knuth/mf] and each [@knuth/mf, 12].',
		'Two works of one year (Knuth 1986b, 1986a) and each (Knuth 1986a, 12).',
	],
	['@knuth:tex and @knuth/mf differ by a letter.', 'Knuth (1986b) and Knuth (1986a) differ by a letter.'],
	['Narrative with suppressed author -@item1 too.', 'Narrative with suppressed author -Doe (2005) too.'],
	['An email doe@item1.example is not a citation.', 'An email doe@item1.example is not a citation.'],
	['Escaped \\@item1 and \\[@item1\\] stay text.', 'Escaped @item1 and [Doe (2005)] stay text.'],
	['[@item1; @item2; @пункт3]', '(Doe 2005, 2006; Doe and Roe 2007)'],
	['[@item1, 3; @item1, 5]', '(Doe 2005, 3; 2005, 5)'],
	// Found by a sweep of generated forms against Pandoc: brackets of the author's own inside and around a citation,
	['A [see [@item1]] around it.', 'A [see (Doe 2005)] around it.'],
	[
		'[see [a] @item1] and [@item1, see [b] here] and [@item1 [p. 3]].',
		'(see [a] Doe 2005) and (Doe 2005, see [b] here) and (Doe 2005 [p.\u00a03]).',
	],
	['@item1 [see [a] p. 3] says.', 'Doe (2005, see [a] p.\u00a03) says.'],
	// a range written with two hyphens (it came out with two dashes),
	['[@smith04, p. 3--5] and [@item1, chaps. 3--5, 7].', '(Smith 2004, 3–5) and (Doe 2005, chaps. 3–5, 7).'],
	// a key with a dot and its author suppressed, which GFM had linked as an e-mail address (the build stopped),
	['[-@Foo_bar.baz] and [see -@Foo_bar.baz, p. 3].', '(2010) and (see 2010, 3).'],
	// works by one author grouped as Pandoc groups them: not across a prefix or a suffix, next to a locator with "; ",
	['[@item1; see @item2] and [see -@item1; @item2].', '(Doe 2005; see Doe 2006) and (see 2005, 2006).'],
	[
		'[@item1; @item2, p. 3] and [@item1, p. 3; @item2] and [-@item1; -@item2].',
		'(Doe 2005; 2006, 3) and (Doe 2005, 3; 2006) and (2005, 2006).',
	],
	['[@item1; @item2, with note] and [@item1, with note; @item2].', '(Doe 2005; Doe 2006, with note) and (Doe 2005, with note; Doe 2006).'],
	[
		'[@item1; see @item2; @item2] and [see @item1; @smith04; @item2].',
		'(Doe 2005; see Doe 2006, 2006) and (see Doe 2005, 2006; Smith 2004).',
	],
	[
		'[@item1, with note; @smith04; @item2] and [@item1; @smith04; -@item2].',
		'(Doe 2005, with note; Smith 2004; Doe 2006) and (Doe 2005, 2006; Smith 2004).',
	],
	['@item1 [@item2] says, and [@item1; cf. -@item2].', 'Doe (2005, 2006) says, and (Doe 2005; cf. 2006).'],
	// and quotes around a citation, which stayed straight.
	['A "@item1" says, and a \'single @item2\' one.', 'A “Doe (2005)” says, and a ‘single Doe (2006)’ one.'],
];

/** Pandoc's reference list for the same document. */
const BIBLIOGRAPHY = [
	'Doe, John. 2005. First Book. Cambridge: Cambridge University Press.',
	'———. 2006. “Article.” Journal of Generic Studies 6: 33–34.',
	'Doe, John, and Jenny Roe. 2007. “Why Water Is Wet.” In Third Book, edited by Sam Smith. Oxford: Oxford University Press.',
	'Dole, Jane. 1999. “Frogs.” Journal of Amphibians 44.',
	'Foo, Fay. 2010. “Keys with Dots.” Journal of Keys.',
	'Knuth, Donald E. 1986a. METAFONT: The Program. Reading, MA: Addison-Wesley.',
	'———. 1986b. TeX: The Program. Reading, MA: Addison-Wesley.',
	'Smith, Susan. 2004. “Flies.” Journal of Insects.',
];

const document = FORMS.map(([markdown]) => markdown).join('\n\n');

/**
 * Styles that sort the cites of a citation (APA and Harvard, as citation-js
 * bundles them): the cites are sorted, then one author's grouped as above,
 * and the text is what Pandoc 2.17 prints with the same style files.
 */
const SORTED: [style: string, markdown: string, pandoc: string][] = [
	['apa', '[see @item2; @item1; @smith04]', '(Doe, 2005; see Doe, 2006; Smith, 2004)'],
	['apa', '[@item1; @smith04; @item2, p. 3]', '(Doe, 2005; 2006, p. 3; Smith, 2004)'],
	['apa', '[@item1; -@item2]', '(Doe, 2005, 2006)'],
	['harvard1', '[@smith04; @item1; see @item2]', '(Smith, 2004; Doe, 2005; see Doe, 2006)'],
	['harvard1', '[@item1; @smith04; @item2, p. 3]', '(Smith, 2004; Doe, 2005; 2006, p. 3)'],
	['harvard1', '[see @item2; @item1; @smith04]', '(Smith, 2004; Doe, 2005; see Doe, 2006)'],
];

/** MLA prints nothing of a work whose author is suppressed: the citation is what is left, as Pandoc prints it (it printed citeproc's "[NO_PRINTED_FORM]"). */
const NOTHING_PRINTED: [markdown: string, pandoc: string][] = [
	['@item1 says.', 'Doe says.'],
	['@item1 [see @smith04] says.', 'Doe (see Smith) says.'],
	['[-@item1; @smith04]', '(Smith)'],
	['[@smith04; -@item1; @doe99]', '(Smith; Dole)'],
	['@Foo_bar.baz [cf. @doe99, xi; -@item2] says.', 'Foo (cf. Dole, xi) says.'],
];

describe('cites a style prints nothing of (MLA)', () => {
	it.each(NOTHING_PRINTED.map(([markdown, pandoc]) => ({ markdown, pandoc })))('$markdown', async ({ markdown, pandoc }) => {
		const html = await render(markdown, { bibliography: path.join(pandocFixture, 'references.bib'), csl: 'mla' });
		const { document: dom } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
		expect(dom.querySelector('body > p')?.textContent).toBe(pandoc);
	});
});

describe("one author's works grouped in a style that sorts its citations", () => {
	it.each(SORTED.map(([style, markdown, pandoc]) => ({ style, markdown, pandoc })))(
		'$style: $markdown',
		async ({ style, markdown, pandoc }) => {
			const html = await render(markdown, { bibliography: path.join(pandocFixture, 'references.bib'), csl: style });
			const { document: dom } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
			expect(dom.querySelector('body > p')?.textContent).toBe(pandoc);
		},
	);
});

describe('Pandoc conformance (Chicago author-date)', () => {
	let paragraphs: string[] = [];
	let references: string[] = [];
	beforeAll(async () => {
		// MDX reads "{" as the start of an expression: an author escapes Pandoc's braces, as the build tells them to.
		const html = await render(document.replace(/[{}]/g, '\\$&'), { bibliography: path.join(pandocFixture, 'references.bib') });
		const { document: dom } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
		paragraphs = [...dom.querySelectorAll('body > p')].map((p) => p.textContent ?? '');
		references = [...dom.querySelectorAll('.reference-list .csl-entry')].map((entry) =>
			(entry.textContent ?? '').replace(/\s+/g, ' ').trim(),
		);
	});

	it.each(FORMS.map(([markdown, pandoc], i) => ({ i, markdown, pandoc })))('$markdown', ({ i, pandoc }) => {
		// Every form prints as Pandoc prints it, down to the no-break space after a known abbreviation ("s.v.\u00a0water").
		expect(paragraphs[i]).toBe(pandoc);
	});

	it('lists the references as Pandoc does, with the same year letters and dashes', () => {
		expect(references).toEqual(BIBLIOGRAPHY);
	});

	it.runIf(hasPandoc())('captured what Pandoc renders today', () => {
		const out = pandocPlain(document);
		const blocks = out
			.split('\n\n')
			.map((block) => block.trim())
			.filter(Boolean);
		expect(blocks).toEqual([...FORMS.map(([, pandoc]) => pandoc), ...BIBLIOGRAPHY]);
	});
});
