import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteName } from '../helpers/sites.ts';
import { page, ready } from '../helpers/sites.ts';

/** What every listing of a source shows of it, written once (src/sources/entry.ts): the entry, access, verification, COinS. */
const PARTS = ['.csl-entry', '.access', '.verification', 'span.Z3988'];

/** Briefs of the combined fixture whose frontmatter names a style other than the site's. */
const OWN_STYLE = new Set(['/briefs/numeric/', '/briefs/small-caps/']);

const parts = (entry: Element) =>
	PARTS.map((selector) => [...entry.children].find((child) => child.matches(selector))?.outerHTML ?? `(no ${selector})`);

describe.each<SiteName>(['site', 'combined'])('one entry markup for a source wherever it is listed (site "%s")', (site) => {
	let sources: Element[] = [];
	beforeAll(async () => {
		await ready(site);
		sources = [...page(site, '/references/').querySelectorAll('li.reference[data-key]')];
	});

	it('lists sources', () => {
		expect(sources.length).toBeGreaterThan(0);
	});

	it('writes the same entry on /references/, on the source’s own page and in each citing brief’s reference list', () => {
		let compared = 0;
		for (const source of sources) {
			const key = source.getAttribute('data-key')!;
			const expected = parts(source);
			const slug = source.id.replace(/^source-/, '');
			expect(parts(page(site, `/references/${slug}/`).querySelector(`[id="source-${slug}"]`)!), `/references/${slug}/`).toEqual(expected);
			const briefs = [...source.querySelectorAll('.cited-in a[href*="#bib-"]')].map((a) => a.getAttribute('href')!.replace(/#.*$/, ''));
			for (const brief of briefs) {
				// A brief may name a style of its own (numeric, small-caps in the combined fixture): its list is in that style, not the site's.
				if (OWN_STYLE.has(brief)) continue;
				const item = page(site, brief).querySelector(`li[id="bib-${key}"]`);
				expect(item, `${brief}#bib-${key}`).not.toBeNull();
				// In a list, Chicago writes a repeated author as "———" (CSL's subsequent-author-substitute); standing alone, the entry names them.
				const listed = parts(item!);
				const substituted = listed[0]!.includes('———');
				const author = (html: string) => html.replace(/(<div class="csl-entry">)[^<]*?(?=\. \d{4})/, '$1(author)');
				expect(substituted ? [author(listed[0]!), ...listed.slice(1)] : listed, `${brief}#bib-${key}`).toEqual(
					substituted ? [author(expected[0]!), ...expected.slice(1)] : expected,
				);
				compared++;
			}
		}
		expect(compared).toBeGreaterThanOrEqual(sources.length);
	});
});
