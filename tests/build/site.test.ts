import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { built, distOf, html, page } from '../helpers/sites.ts';

const BRIEF = '/briefs/internet-plus/';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => '/' + path.relative(dir, path.join(d.parentPath, d.name)));
}

describe('the site builds', () => {
	it('exits 0 and indexes the briefs for search', () => {
		const { code, output } = built('site');
		expect(code, output).toBe(0);
		const entry = JSON.parse(readFileSync(path.join(distOf('site'), 'pagefind/pagefind-entry.json'), 'utf8'));
		expect(Object.keys(entry.languages)).toEqual(['en']);
		// One brief page, plus one record per source in its reference list.
		const sources = page('site', BRIEF).querySelectorAll('li.reference').length;
		expect(entry.languages.en.page_count).toBe(1 + sources);
		expect(output).toContain(`and ${sources} source(s)`);
	});

	it('has a home page listing each brief with title, summary, date and topics', () => {
		const doc = page('site', '/');
		const card = doc.querySelector('.brief-card');
		expect(card?.querySelector('h3 a')?.getAttribute('href')).toBe(BRIEF);
		expect(card?.querySelector('h3')?.textContent).toContain('Internet Plus');
		expect(card?.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(card?.querySelectorAll('.topics li').length).toBeGreaterThan(0);
		expect(card?.textContent).toContain('2015');
	});

	it('has a 404 page and a search page that explains itself without JavaScript', () => {
		expect(page('site', '/404.html').querySelector('h1')?.textContent).toBe('Page not found');
		expect(page('site', '/search/').querySelector('noscript')?.textContent).toMatch(/Search needs JavaScript/);
	});
});

describe.each(htmlFiles(distOf('site')).filter((f) => !f.startsWith('/pagefind')))('page %s', (file) => {
	const doc = page('site', file);

	it('is semantic: lang, one main, a skip link to it, one h1', () => {
		expect(doc.documentElement.getAttribute('lang')).toBe('en');
		expect(doc.querySelectorAll('main#main')).toHaveLength(1);
		expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
		expect(doc.querySelectorAll('h1')).toHaveLength(1);
	});

	it('has unique ids, and every #fragment link points at one', () => {
		const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		const targets = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
		expect(targets.filter((id) => !ids.includes(decodeURIComponent(id)))).toEqual([]);
	});

	it('runs no script file before interaction, and at most 1 KB of inline script (theme, bootstrap)', () => {
		const scripts = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
		expect(scripts.map((s) => s.getAttribute('src'))).toEqual([null, null]);
		expect(scripts.reduce((n, s) => n + Buffer.byteLength(s.textContent ?? ''), 0)).toBeLessThanOrEqual(1024);
	});

	it('leaves no citation unresolved', () => {
		expect(html('site', file)).not.toMatch(/\[-?@[\p{L}\d_]/u);
	});
});

describe('the brief page', () => {
	const doc = page('site', BRIEF);
	const article = doc.querySelector('article[data-pagefind-body]');

	it('puts header, article body, notes and references inside the indexed article', () => {
		expect(article?.querySelector('header h1')?.textContent).toMatch(/Internet Plus/);
		expect(article?.querySelector('section.footnotes li[id^="fn-"]')).not.toBeNull();
		expect(article?.querySelector('section.references h2#references')).not.toBeNull();
		expect(doc.querySelectorAll('[data-pagefind-body]')).toHaveLength(1);
	});

	it('has a table of contents linking to every section heading', () => {
		const tocTargets = [...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
		const h2s = [...doc.querySelectorAll('.prose h2[id]')].map((h) => `#${h.id}`);
		expect(tocTargets.length).toBeGreaterThanOrEqual(10);
		for (const target of tocTargets) expect(h2s.concat([...doc.querySelectorAll('.prose h3[id]')].map((h) => `#${h.id}`))).toContain(target);
	});

	it('gives headings readable slug ids', () => {
		const ids = [...doc.querySelectorAll('.prose h2')].map((h) => h.id);
		expect(ids).toContain('digital-payments');
		expect(ids).toContain('regulation-and-sandboxes');
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it('links every citation to a reference entry on the page', () => {
		const links = [...doc.querySelectorAll('.prose span.citation a')];
		expect(links.length).toBeGreaterThan(20);
		for (const link of links) {
			const target = link.getAttribute('href')!;
			expect(target).toMatch(/^#bib-/);
			expect(doc.getElementById(target.slice(1))?.closest('section.references')).not.toBeNull();
		}
	});
});
