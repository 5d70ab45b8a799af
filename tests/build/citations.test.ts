import { beforeAll, describe, expect, it } from 'vitest';
import { built, page, ready } from '../helpers/sites.ts';

describe('citation forms (fixture "combined", briefs/forms.mdx)', () => {
	let doc: Document;
	beforeAll(async () => {
		await ready('combined');
		doc = page('combined', '/briefs/forms/');
	});
	const cites = (key: string) => [...doc.querySelectorAll(`.prose a[href="#bib-${key}"]`)].map((a) => a.textContent);

	it('resolves single, cluster, locator, prefix, narrative and year-only citations', () => {
		const text = doc.querySelector('.prose > p')?.textContent;
		expect(text).toContain('(Adams 2001)');
		expect(text).toContain('(Adams 2001; Baker and Cole 2010)');
		expect(text).toContain('(Baker and Cole 2010, 4)');
		expect(text).toContain('(see Cole 2020)');
		expect(cites('baker2010')).toContain('Baker and Cole (2010)');
		expect(cites('adams2001')).toContain('2001');
	});

	it('resolves citations inside emphasis, strong text, table cells and footnotes', () => {
		expect(doc.querySelector('.prose em a[href="#bib-cole2020"]')).not.toBeNull();
		expect(doc.querySelector('.prose strong a[href="#bib-baker2010"]')).not.toBeNull();
		expect(doc.querySelector('.prose td a[href="#bib-adams2001"]')).not.toBeNull();
		expect(doc.querySelector('.footnotes a[href="#bib-cole2020"]')).not.toBeNull();
	});

	it('lists each cited source once with its status, and links its DOI', () => {
		const items = [...doc.querySelectorAll('.references li.reference')];
		expect(items.map((li) => li.id)).toEqual(['bib-adams2001', 'bib-baker2010', 'bib-cole2020']);
		expect(items.map((li) => li.querySelector('.status')?.textContent)).toEqual(['Verified', 'Likely, not confirmed', 'Unverified']);
		expect(items[0]?.querySelector('a[href="https://doi.org/10.1234/example.2001"]')).not.toBeNull();
	});

	it('keeps a paragraph id the author set in MDX, and names citations after it', () => {
		const claim = doc.getElementById('key-claim');
		expect(claim?.tagName).toBe('P');
		expect(claim?.querySelector('button.copy-link')?.getAttribute('data-copy')).toBe('#key-claim');
		expect(claim?.querySelector('#cite-key-claim-adams2001 a')?.getAttribute('href')).toBe('#bib-adams2001');
	});

	it('shows the reading time', async () => {
		await ready('site');
		expect(doc.querySelector('.byline .dates')?.textContent).toMatch(/· 1 min read$/);
		expect(page('site', '/briefs/internet-plus/').querySelector('.byline .dates')?.textContent).toMatch(/· (?:[6-9]|1[0-2]) min read$/);
	});

	it('shows the author with affiliation and ORCID, and both dates', () => {
		const byline = doc.querySelector('.byline')?.textContent ?? '';
		expect(byline).toContain('Test Author');
		expect(byline).toContain('(Test Lab)');
		expect(doc.querySelector('.byline a.orcid')?.getAttribute('href')).toBe('https://orcid.org/0000-0002-1825-0097');
		expect([...doc.querySelectorAll('.byline time')].map((t) => t.getAttribute('datetime'))).toEqual(['2026-01-02', '2026-02-03']);
	});

	it('honours a brief that asks for a numeric style', () => {
		const numeric = page('combined', '/briefs/numeric/');
		expect([...numeric.querySelectorAll('.prose > p a')].map((a) => a.textContent)).toEqual(['1', '2']);
	});
});

// Unknown keys, duplicate keys and malformed BibTeX: tests/unit/author-errors.test.ts, through the production pipeline.
describe('bad frontmatter stops the build while it reads content', () => {
	it('names the file, the field and the value, and rejects a date YAML would roll over', async () => {
		const { code, output } = await built('bad-frontmatter');
		expect(code).not.toBe(0);
		expect(output).toMatch(/bad-frontmatter\/briefs\/bad\.mdx/);
		expect(output).toContain('published: "2026-11-31" is not a date (November has 30 days); write YYYY-MM-DD, e.g. 2026-11-29');
		expect(output).toContain('updated: "2026-29-11" is not a date (there is no month 29); write YYYY-MM-DD, e.g. 2026-11-29');
	});
});
