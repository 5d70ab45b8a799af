import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/bibliography/parse-bibtex.ts';
import { shownCopy } from '../helpers/build.ts';
import { parseRis } from '../helpers/ris.ts';
import { built, distOf, page, ready } from '../helpers/sites.ts';

const BRIEF = '/briefs/internet-plus/';
let doc: Document;
let citedKeys: (string | null)[];
beforeAll(async () => {
	await ready('site');
	doc = page('site', BRIEF);
	citedKeys = [...doc.querySelectorAll('.references li.reference')].map((li) => li.getAttribute('data-key'));
});
const file = (name: string) => readFileSync(path.join(distOf('site'), BRIEF, name), 'utf8');

describe('exports re-parse in independent parsers', () => {
	it('the brief as BibTeX', () => {
		const [entry, ...rest] = parseBibtex(file('cite.bib'));
		expect(rest).toEqual([]);
		expect(entry).toMatchObject({ type: 'techreport', key: 'internet_plus' });
		expect(entry?.fields['title']).toMatch(/Internet.*Plus/);
		expect(entry?.fields['url']).toMatch(/\/briefs\/internet-plus\/$/);
	});

	it('the brief as RIS', () => {
		const [record] = parseRis(file('cite.ris'));
		expect(record?.['TY']).toEqual(['RPRT']);
		expect(record?.['AU']).toEqual(['Sourced editorial team']);
		expect(record?.['PY']).toEqual(['2026']);
	});

	it('the brief as CSL-JSON', () => {
		const [item] = JSON.parse(file('cite.json')) as { issued: { 'date-parts': number[][] } }[];
		expect(item).toMatchObject({ id: 'internet-plus', type: 'report', publisher: 'Sourced' });
		expect(item?.issued['date-parts'][0]).toEqual([2026, 11, 29]);
	});

	it('all references, in each format, with one record per cited source', () => {
		expect(
			parseBibtex(file('references.bib'))
				.map((e) => e.key)
				.sort(),
		).toEqual([...citedKeys].sort());
		expect(parseRis(file('references.ris'))).toHaveLength(citedKeys.length);
		const items = JSON.parse(file('references.json')) as { id: string; title?: string }[];
		expect(items.map((i) => i.id).sort()).toEqual([...citedKeys].sort());
		expect(items.find((i) => i.id === 'klein2020')?.title).toBe("China's Digital Payments Revolution");
	});

	it('are linked from the page', () => {
		const links = [...doc.querySelectorAll('.cite-this a[download]')].map((a) => a.getAttribute('href'));
		expect(links).toEqual(
			['cite.bib', 'cite.ris', 'cite.json', 'references.bib', 'references.ris', 'references.json'].map((f) => BRIEF + f),
		);
	});
});

describe('cite this brief and its sections', () => {
	it('formats the brief in the site style', () => {
		expect(doc.querySelector('#cite-brief')?.textContent).toMatch(
			/^Sourced editorial team\. 2026\. “China’s Internet Plus Strategy: What the Sources Support\.” Sourced\. http:\/\/127\.0\.0\.1:4321\/briefs\/internet-plus\/\.$/,
		);
	});

	it('formats each section with its anchor as pinpoint', () => {
		const payments = doc.querySelector('#cite-section-digital-payments')?.textContent;
		expect(payments).toMatch(/“Digital Payments\.” In China’s Internet Plus Strategy/);
		expect(payments).toMatch(/\/briefs\/internet-plus\/#digital-payments\.$/);
		expect(doc.querySelectorAll('details.cite-section')).toHaveLength(doc.querySelectorAll('.prose > .section-head > h2').length);
	});
});

describe('metadata for reference managers', () => {
	const meta = (name: string) =>
		[...doc.querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`)].map((m) => m.getAttribute('content'));

	it('has Highwire tags, with one citation_reference per cited work', () => {
		expect(meta('citation_title')).toEqual(['China’s Internet Plus strategy: what the sources support']);
		expect(meta('citation_author')).toEqual(['Sourced editorial team']);
		expect(meta('citation_publication_date')).toEqual(['2026/11/29']);
		const references = meta('citation_reference');
		expect(references).toHaveLength(citedKeys.length);
		expect(references).toContainEqual(
			expect.stringMatching(
				/^citation_title=China's Digital Payments Revolution; citation_author=Aaron Klein; citation_publication_date=2020/,
			),
		);
	});

	it('has Open Graph tags', () => {
		expect(meta('og:type')).toEqual(['article']);
		expect(meta('og:url')).toEqual(['http://127.0.0.1:4321/briefs/internet-plus/']);
	});

	it('has JSON-LD for a Report with citations and a part per section', () => {
		const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as {
			'@type': string;
			datePublished: string;
			citation: unknown[];
			hasPart: { url: string }[];
		};
		expect(ld['@type']).toBe('Report');
		expect(ld.datePublished).toBe('2026-11-29');
		expect(ld.citation).toHaveLength(citedKeys.length);
		expect(ld.citation).toContainEqual(
			expect.objectContaining({ name: 'The Land That Failed to Fail', url: expect.stringContaining('nytimes.com') }),
		);
		expect(ld.hasPart.map((p) => p.url)).toContainEqual('http://127.0.0.1:4321/briefs/internet-plus/#digital-payments');
	});
});

describe('the reference list', () => {
	it('links back from each source to every paragraph that cites it', () => {
		const back = [...doc.querySelectorAll('#bib-klein2020 .cited-in a')];
		expect(back.map((a) => a.textContent)).toContain('Digital payments ¶1');
		for (const a of back) {
			const target = doc.getElementById(a.getAttribute('href')!.slice(1));
			expect(target?.querySelector('a[href="#bib-klein2020"]')).not.toBeNull();
		}
	});

	it('gives each citation an id derived from its paragraph', () => {
		expect(doc.querySelector('#digital-payments-p1 #cite-digital-payments-p1-klein2020')).not.toBeNull();
	});

	it('links URLs as links', () => {
		expect(doc.querySelector('#bib-pan2018 .csl-entry a')?.getAttribute('href')).toBe(
			'https://www.nytimes.com/interactive/2018/11/18/world/asia/china-rules.html',
		);
	});
});

describe('the references page', () => {
	let refs: Document;
	beforeAll(() => {
		refs = page('site', '/references/');
	});

	it('lists every source of every brief once, with status and where it is cited', () => {
		const items = [...refs.querySelectorAll('li.reference')];
		expect(items.map((li) => li.getAttribute('data-key')).sort()).toEqual([...citedKeys].sort());
		const klein = refs.querySelector('#source-klein2020');
		expect(klein?.querySelector('.status')?.textContent).toBe('Verified');
		const where = [...(klein?.querySelectorAll('.cited-in a') ?? [])].map((a) => a.getAttribute('href'));
		expect(where).toContain('/briefs/internet-plus/#bib-klein2020');
		expect(where).toContain('/briefs/internet-plus/#digital-payments-p1');
	});

	it('gives each source a page of its own, linked from its entry', () => {
		const klein = page('site', '/references/klein2020/');
		expect(klein.querySelector('h1')?.textContent).toBe('China’s Digital Payments Revolution');
		const where = [...klein.querySelectorAll('#source-klein2020 .cited-in a')].map((a) => a.getAttribute('href'));
		expect(where).toContain('/briefs/internet-plus/#digital-payments-p1');
		expect(klein.querySelector('a[href="/references/#source-klein2020"]')).not.toBeNull();
	});

	it('names the newest five briefs citing a source, and links to its page for the rest, which names them all', async () => {
		// The book all seven briefs of widely-cited.bib cite, in the combined fixture.
		await ready('combined');
		const entry = page('combined', '/references/').querySelector('[id="source-adams2001~~widely-cited"]')!;
		const briefs = [...entry.querySelectorAll('.cited-in a[href$="#bib-adams2001"]')].map((a) => a.textContent);
		expect(briefs).toEqual(['Brief 7', 'Brief 6', 'Brief 5', 'Brief 4', 'Brief 3']);
		const more = entry.querySelector('a[href="/references/adams2001~~widely-cited/"]');
		expect(more?.textContent).toBe('Also cited in 2 more briefs.');
		const all = page('combined', '/references/adams2001~~widely-cited/');
		expect([...all.querySelectorAll('.cited-in a[href$="#bib-adams2001"]')].map((a) => a.textContent)).toEqual([
			'Brief 7',
			'Brief 6',
			'Brief 5',
			'Brief 4',
			'Brief 3',
			'Brief 2',
			'Brief 1',
		]);
		expect(all.querySelector('.lede')?.textContent).toMatch(/cited in 7 briefs/);
	});
});

describe('bibliography lint at the end of the build', () => {
	it('warns about an entry that no brief cites, naming its line, in one line', async () => {
		expect((await built('combined')).output).toContain(
			`${shownCopy('combined')}/citations.bib: 1 entry is never cited ("uncited2024"; first at line 30). Cite it or remove it;`,
		);
	});

	it('does not warn about the real site, whose every entry is cited', async () => {
		expect((await built('site')).output).not.toMatch(/never cited/);
	});
});
