import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distOf, page, ready, SHORT_COPIES, SITE_OPTIONS } from '../helpers/sites.ts';

let log = '';
beforeAll(async () => {
	log = (await ready('research')).output;
});

// The site under /research/ lists two briefs a page, and has three: two short copies of the real brief, newer by their names,
// then the real one.
const PER_PAGE = SITE_OPTIONS.research.briefsPerPage;
const BRIEFS = SHORT_COPIES + 1;
const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href'));

describe('pages that do not grow with the site', () => {
	it('lists the newest briefs on the home page and links on to the older ones', () => {
		const home = page('research', '/');
		expect(home.querySelectorAll('.brief-card')).toHaveLength(PER_PAGE);
		expect(hrefs(home, '.brief-card h3 a')).not.toContain('/research/briefs/internet-plus/');
		expect(hrefs(home, 'nav.brief-pages a[rel="next"]')).toEqual(['/research/page/2/']);
		expect(home.querySelector('nav.brief-pages [aria-current="page"]')?.textContent).toBe('Page 1 of 2');

		const older = page('research', '/page/2/');
		expect(hrefs(older, '.brief-card h3 a')).toEqual(['/research/briefs/internet-plus/']);
		expect(hrefs(older, 'nav.brief-pages a[rel="prev"]')).toEqual(['/research/']);
		expect(older.querySelector('h1')?.textContent).toBe('Briefs, page 2');
	});

	it('links every brief in the sitemap from one page of briefs, so that each is reachable without JavaScript', () => {
		const sitemap = readFileSync(path.join(distOf('research'), 'sitemap-0.xml'), 'utf8');
		const briefs = [...sitemap.matchAll(/<loc>https:\/\/example\.org(\/research\/briefs\/[^/]+\/)<\/loc>/g)].map(([, p]) => p);
		expect(briefs).toHaveLength(BRIEFS);
		const listed = ['/', '/page/2/'].flatMap((p) => hrefs(page('research', p), '.brief-card h3 a'));
		expect(listed.sort()).toEqual(briefs.sort());
	});

	it("offers the newest briefs' contents on the search page without JavaScript, and the older ones page by page", () => {
		// linkedom parses a <noscript>'s content as elements, as a browser does with scripting off.
		const doc = page('research', '/search/');
		expect(doc.querySelectorAll('noscript section h3 a')).toHaveLength(PER_PAGE);
		expect(doc.querySelectorAll('noscript section li a').length).toBeGreaterThan(PER_PAGE * 5);
		expect(hrefs(doc, 'noscript p a')).toEqual(['/research/references/', '/research/page/2/']);
	});
});

describe('a build log that does not grow with the site', () => {
	it("prints none of the bundler's warnings about Astro's own wrapper of each brief", () => {
		// Astro marks each MDX entry's wrapper "use astro:head-inject"; the bundler warned about it once a brief (300 lines at 300 briefs).
		expect(log).toContain(`${BRIEFS} briefs compiled`);
		expect(log).not.toContain('MODULE_LEVEL_DIRECTIVE');
		expect(log).not.toContain('astro:head-inject');
	});
});
