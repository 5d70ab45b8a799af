import { plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { formatRecord } from '../../src/bibliography/csl.ts';
import { writeBibtex } from '../../src/bibliography/export-bibtex.ts';
import { bibliographyErrors, readBibliography } from '../../src/bibliography/load.ts';
import { resolveCitationSettings } from '../../src/plugins/citation-options.ts';
import { config, stage } from './process.ts';

const FILE = '/tmp/sources.bib';
const read = (text: string, strictVerification = false) => readBibliography(text, FILE, { strictVerification });
const messages = (text: string) => read(text).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
const csl = (text: string, key = 'k') => read(text).sources.get(key)!.csl;
/** The entry as a reader sees it: the engine's HTML without its tags. */
const chicago = (text: string, key = 'k') =>
	formatRecord(csl(text, key), resolveCitationSettings({}, config).csl, stage)
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&#38;/g, '&')
		.trim();

describe('lint follows biblatex’s data model', () => {
	it('accepts biblatex’s field names and types where BibTeX’s are expected', () => {
		expect(
			messages(`
@article{a, author = {A, B}, title = {T}, journaltitle = {J}, date = {2020-05}}
@report{b, author = {A, B}, title = {T}, institution = {Brookings}, date = {2020}, type = {Working Paper}}
@techreport{c, author = {A, B}, title = {T}, school = {LSE}, year = {2020}}
@thesis{d, author = {A, B}, title = {T}, institution = {Oxford}, year = {2001}, type = {phdthesis}}
@online{e, author = {A, B}, title = {T}, eprint = {2101.00001}, eprinttype = {arxiv}}
@misc{f, title = {T}, eprint = {2101.00001}, archiveprefix = {arXiv}}
@book{g, translator = {Tr, Anne}, title = {Translated}, publisher = {P}, year = {1999}}
@book{h, editor = {Ed, E.}, title = {Edited}, year = {2001}}
@software{i, author = {A, B}, title = {Tool}}
@podcast{j, title = {An Unknown Type Is Read as Misc}}
`),
		).toEqual([]);
	});

	it('counts fields that come through crossref (title becomes booktitle) and xdata', () => {
		const bibliography = read(`
@xdata{press, publisher = {Duke University Press}, location = {Durham and London}}
@inproceedings{paper, author = {A, B}, title = {Paper}, crossref = {conf}, pages = {1--10}}
@proceedings{conf, editor = {E, F}, title = {Proceedings of X}, year = {2010}, xdata = {press}}
@incollection{chapter, author = {C, D}, title = {Chapter}, crossref = {coll}}
@collection{coll, editor = {E, F}, title = {The Collection}, subtitle = {Sub}, date = {2012}}
@inbook{part, author = {G, H}, title = {Part}, crossref = {mv}}
@mvbook{mv, author = {Knuth, Donald E.}, title = {The Art}, date = {1968}}
`);
		expect(bibliography.problems).toEqual([]);
		expect(bibliography.sources.has('press')).toBe(false);
		const paper = bibliography.sources.get('paper')!.entry;
		expect(paper.fields).toMatchObject({ booktitle: 'Proceedings of X', year: '2010', publisher: 'Duke University Press', title: 'Paper' });
		expect(paper.inherited).toMatchObject({ booktitle: 'conf', publisher: 'press' });
		expect(bibliography.sources.get('chapter')!.entry.fields).toMatchObject({
			booktitle: 'The Collection',
			booksubtitle: 'Sub',
			title: 'Chapter',
		});
		expect(bibliography.sources.get('part')!.entry.fields).toMatchObject({
			maintitle: 'The Art',
			bookauthor: 'Knuth, Donald E.',
			title: 'Part',
		});
		expect(bibliography.sources.get('paper')!.csl).toMatchObject({
			'container-title': 'Proceedings of X',
			'publisher-place': 'Durham; London',
		});
	});

	it('names a crossref that leads nowhere, or in a circle', () => {
		expect(messages('@incollection{a, title = {T}, crossref = {nowhere}, booktitle = {B}, year = {2000}}')).toEqual(
			['1:1: "a" has crossref = {nowhere}, but no entry has the key "nowhere". Fix the key, or add the entry it names.'].map((m) =>
				m.replace('1:1', '1:31'),
			),
		);
		expect(messages('@misc{a, title = {A}, crossref = {b}}\n@misc{b, title = {B}, crossref = {a}}')).toEqual([
			'2:23: "b" inherits from itself through crossref = {a}. Remove the crossref that closes the loop.',
		]);
	});

	it('reads verification as optional: an entry without it is "unchecked", and strict sites reject it', () => {
		const text = '@misc{k, title = {T}}\n@misc{v, title = {T}, verification = {Verified}}';
		expect(read(text).problems).toEqual([]);
		expect([...read(text).sources.values()].map((s) => s.status)).toEqual(['unchecked', 'verified']);
		expect(read(text, true).problems.map((p) => p.message)).toEqual([
			expect.stringContaining('"k" has no "verification" field, and this site requires one'),
		]);
	});

	it('rejects a DOI field that holds no DOI', () => {
		expect(messages('@misc{k, title = {T},\n  doi = {see the website}}')).toEqual([
			'2:3: "k" has doi = {see the website}, which is not a DOI. Write it as 10.xxxx/…, doi:10.xxxx/… or https://doi.org/10.xxxx/…, or move a link to "url".',
		]);
	});

	it('collects syntax and lint problems together, in file order, and fails only on those that concern what is cited', () => {
		const bibliography = read(`@article{cited, author = {A, B}, year = {2020}, title = {T}}
@misc{uncited, title = {T}, verification = {maybe}}
@misc{broken, title = {never closed}
@misc{fine, title = {F}}
`);
		expect(bibliography.problems.map((p) => [p.line, p.keys])).toEqual([
			[1, ['cited']],
			[2, ['uncited']],
			[3, []],
		]);
		expect(bibliographyErrors(bibliography, ['cited'])).toEqual([
			'/tmp/sources.bib:1:10: @article "cited" has no "journaltitle" or "journal" field. Add it, or use an entry type that fits the work.',
			'/tmp/sources.bib:3:37: malformed BibTeX: entry "broken" is never closed; add "}" after its last field.',
		]);
		expect(bibliographyErrors(bibliography, ['fine'])).toHaveLength(1);
		expect(bibliographyErrors(bibliography)).toHaveLength(3);
	});
});

describe('CSL from the one parse', () => {
	it('keys every item by the key exactly as written', () => {
		const { sources } = read('@misc{Smith:2020/a, title = {T}}\n@book{Ершов1986, title = {T}, year = {1986}}');
		expect([...sources.values()].map((s) => [s.key, s.csl.id, s.csl['citation-key']])).toEqual([
			['Smith:2020/a', 'Smith:2020/a', 'Smith:2020/a'],
			['Ершов1986', 'Ершов1986', 'Ершов1986'],
		]);
	});

	it('reads LaTeX commands and accents without crashing, as Pandoc renders them', () => {
		const item = csl(String.raw`@book{k, author = {{\relax Ch}ristoph M{\"u}ller and G{\"o}del, Kurt},
  title = {\enquote*{Quoted}, \mkbibquote{q}, \emph{em}, \textit{it}, \TeX{} and \LaTeX\ in long\hyphen word \& -- --- {\"o} \'{e} {\ss}},
  publisher = {P}, year = {2000}}`);
		expect(item.title).toBe('“Quoted”, “q”, <i>em</i>, <i>it</i>, TeX and LaTeX in long-word & – — ö é ß');
		expect(item.author).toEqual([
			{ given: 'Christoph', family: 'Müller' },
			{ given: 'Kurt', family: 'Gödel' },
		]);
	});

	it('drops a LaTeX command it does not know, keeping its argument', () => {
		expect(csl('@misc{k, title = {The \\foo{Bar} Case}}').title).toBe('The Bar Case');
	});

	it('joins lists of publishers and places as Pandoc does, and maps a language name to a tag', () => {
		const text =
			'@book{k, author = {Wilson, Ara}, title = {T}, publisher = {Duke University Press and Other Press}, location = {Durham and London}, language = {english and german}, year = {2004}}';
		expect(csl(text)).toMatchObject({
			publisher: 'Duke University Press; Other Press',
			'publisher-place': 'Durham; London',
			language: 'en-US',
		});
		expect(chicago(text)).toBe('Wilson, Ara. 2004. T. Durham; London: Duke University Press; Other Press.');
	});

	it('names biblatex thesis and report types in words', () => {
		const text = `@phdthesis{a, author = {A, B}, title = {T}, school = {S}, year = {2001}}
@mastersthesis{b, author = {A, B}, title = {T}, school = {S}, year = {2001}}
@thesis{c, author = {A, B}, title = {T}, institution = {S}, year = {2001}, type = {phdthesis}}
@report{d, author = {A, B}, title = {T}, institution = {S}, year = {2001}, type = {techreport}}`;
		const { sources } = read(text);
		expect([...sources.values()].map((s) => [s.csl.type, s.csl['genre']])).toEqual([
			['thesis', 'PhD thesis'],
			['thesis', 'Master’s thesis'],
			['thesis', 'PhD thesis'],
			['report', 'Technical report'],
		]);
		expect(chicago(text, 'a')).toBe('A, B. 2001. “T.” PhD thesis, S.');
	});

	it('normalises DOIs once, however written, for CSL and links alike', () => {
		const forms = ['10.1234/x.1', 'doi:10.1234/x.1', 'https://doi.org/10.1234/x.1', 'http://dx.doi.org/10.1234/x.1'];
		for (const doi of forms) {
			const source = read(`@article{k, title = {T}, journal = {J}, year = {2000}, doi = {${doi}}}`).sources.get('k')!;
			expect([source.csl.DOI, source.href]).toEqual(['10.1234/x.1', 'https://doi.org/10.1234/x.1']);
		}
		const byUrl = read('@misc{k, title = {T}, url = {https://doi.org/10.1234/x.1}}').sources.get('k')!;
		expect([byUrl.csl.DOI, byUrl.csl.URL, byUrl.href]).toEqual(['10.1234/x.1', undefined, 'https://doi.org/10.1234/x.1']);
		expect(chicago('@misc{k, title = {T}, url = {https://doi.org/10.1234/x.1}}')).toBe('“T.” n.d. https://doi.org/10.1234/x.1.');
	});

	it('links an arXiv eprint that has no url', () => {
		const source = read('@online{k, author = {A, B}, title = {T}, eprint = {2101.00001}, eprinttype = {arxiv}, year = {2021}}').sources.get(
			'k',
		)!;
		expect([source.csl.URL, source.href]).toEqual(['https://arxiv.org/abs/2101.00001', 'https://arxiv.org/abs/2101.00001']);
	});

	it('reports a field citation-js cannot read where it stands, and formats the rest', () => {
		const bibliography = read('@misc{k, title = {T},\n  note = {\\begin{a} x \\end{b}}}');
		expect(bibliography.problems.map((p) => `${p.line}:${p.column}: ${p.message.split(' (')[0]}`)).toEqual([
			'2:3: field "note" of "k" cannot be read',
		]);
		expect(bibliography.sources.get('k')!.csl.title).toBe('T');
	});
});

describe('references.bib', () => {
	const text = String.raw`@string{dup = {Duke University Press}}
@inproceedings{Smith:2020/a, author = {Smith, A}, title = {P}, crossref = {conf}, annotation = {private}, file = {/home/me/p.pdf},
  verification = {verified}, verificationnote = {Read it.}, abstract = {Long}, keywords = {a, b}, note = {In press}}
@proceedings{conf, title = {Conf}, year = {2020}, publisher = dup}
@book{Ершов1986, author = {Ершов, А. П.}, title = {{\"U}ber {\TeX}}, year = {1986}, publisher = dup # { and Other}}`;
	const { sources } = read(text);
	const exported = writeBibtex([...sources.values()].map((s) => s.entry));

	it('keeps the author’s keys, inlines what crossref gave, and leaves out private fields', () => {
		const again = read(exported);
		expect(again.problems).toEqual([]);
		expect([...again.sources.keys()]).toEqual(['Smith:2020/a', 'conf', 'Ершов1986']);
		expect(again.sources.get('Smith:2020/a')!.entry.fields).toEqual({
			author: 'Smith, A',
			title: 'P',
			note: 'In press',
			booktitle: 'Conf',
			year: '2020',
			publisher: 'Duke University Press',
		});
		expect(exported).not.toMatch(/annotation|private|p\.pdf|verification|abstract|keywords|crossref/);
	});

	it('reads back the same in citation-js’s own BibTeX file grammar, a reader independent of ours', () => {
		type Entry = { label: string; properties: Record<string, string> };
		const input = (plugins as unknown as { input: { chainLink(data: string, options: object): Entry[] } }).input;
		const entries = input.chainLink(exported, { forceType: '@biblatex/text' });
		expect(entries.map((e) => [e.label, e.properties['title'], e.properties['publisher']])).toEqual([
			['Smith:2020/a', 'P', 'Duke University Press'],
			['conf', 'Conf', 'Duke University Press'],
			['Ершов1986', '{\\"U}ber {\\TeX}', 'Duke University Press and Other'],
		]);
	});

	it('writes each DOI bare', () => {
		const { sources } = read('@misc{k, title = {T}, doi = {https://doi.org/10.1234/X}}');
		expect(writeBibtex([...sources.values()].map((s) => s.entry))).toBe('@misc{k,\n  title = {T},\n  doi = {10.1234/X},\n}\n');
	});
});

describe('@preamble commands and escaped braces, as biblatex prints them', () => {
	it('expands the commands a @preamble defines, so a sorting trick prints nothing', () => {
		const text = String.raw`@preamble{ "\newcommand{\noopsort}[1]{} \providecommand*\eds[2][eds.]{#2, #1}" # "\def\SortNoop#1{}" }
@book{k, author = {{\noopsort{b}}Smith, John}, title = {{\SortNoop{x}}Payments \eds{Doe and Roe}}, publisher = {P}, year = {2020}}`;
		expect(csl(text).author).toEqual([{ family: 'Smith', given: 'John' }]);
		expect(csl(text).title).toBe('Payments Doe and Roe, eds.');
	});

	it('prints \\{ and \\} as braces, and \\textbraceleft as one', () => {
		expect(csl(String.raw`@misc{k, title = {Sets \{x, y\} and \textbraceleft}}`).title).toBe('Sets {x, y} and {');
	});
});
