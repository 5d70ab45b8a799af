import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, distOf, html, page, ready } from '../helpers/sites.ts';

const BRIEF = '/briefs/internet-plus/';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html'))
		.map((d) => '/' + path.relative(dir, path.join(d.parentPath, d.name)));
}

beforeAll(() => ready('site'));

describe('the site builds', () => {
	it('exits 0 and indexes the briefs for search', async () => {
		const { output } = await built('site');
		const entry = JSON.parse(readFileSync(path.join(distOf('site'), 'pagefind/pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages)).toEqual(['en']);
		// One brief page, plus one record per source in its reference list.
		const sources = page('site', BRIEF).querySelectorAll('li.reference').length;
		expect(entry.languages['en']?.page_count).toBe(1 + sources);
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

describe('every page', () => {
	let pages: [file: string, doc: Document][];
	beforeAll(() => {
		pages = htmlFiles(distOf('site'))
			.filter((f) => !f.startsWith('/pagefind'))
			.map((file) => [file, page('site', file)]);
	});
	/** What is wrong with each page, by file: [] when every page is right. */
	const wrong = (check: (doc: Document, file: string) => unknown[]) =>
		pages.flatMap(([file, doc]) => check(doc, file).map((problem) => `${file}: ${String(problem)}`));

	it('is semantic: lang, one main, a skip link to it, one h1', () => {
		expect(pages.length).toBeGreaterThan(10);
		expect(
			wrong((doc) => [
				...(doc.documentElement.getAttribute('lang') === 'en' ? [] : ['lang is not en']),
				...(doc.querySelectorAll('main#main').length === 1 ? [] : ['not one main#main']),
				...(doc.querySelector('a.skip-link')?.getAttribute('href') === '#main' ? [] : ['no skip link to #main']),
				...(doc.querySelectorAll('h1').length === 1 ? [] : [`${doc.querySelectorAll('h1').length} h1`]),
			]),
		).toEqual([]);
	});

	it('has unique ids, and every #fragment link points at one', () => {
		expect(
			wrong((doc) => {
				const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
				const targets = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
				return [
					...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `duplicate id ${id}`),
					...targets.filter((id) => !ids.includes(decodeURIComponent(id))).map((id) => `no #${id}`),
				];
			}),
		).toEqual([]);
	});

	it('runs no script file before interaction, and at most 1 KB of inline script (theme, bootstrap)', () => {
		expect(
			wrong((doc) => {
				const scripts = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
				const bytes = scripts.reduce((n, s) => n + Buffer.byteLength(s.textContent ?? ''), 0);
				return [
					...(scripts.length === 2 && scripts.every((s) => s.getAttribute('src') === null)
						? []
						: [`scripts: ${scripts.map((s) => s.getAttribute('src') ?? 'inline').join(', ')}`]),
					...(bytes <= 1024 ? [] : [`${bytes} bytes of inline script`]),
				];
			}),
		).toEqual([]);
	});

	it('leaves no citation unresolved', () => {
		expect(wrong((_, file) => (/\[-?@[\p{L}\d_]/u.test(html('site', file)) ? ['an unresolved citation'] : []))).toEqual([]);
	});
});

describe('the brief page', () => {
	let doc: Document;
	let article: Element | null;
	beforeAll(() => {
		doc = page('site', BRIEF);
		article = doc.querySelector('article[data-pagefind-body]');
	});

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
		for (const target of tocTargets)
			expect(h2s.concat([...doc.querySelectorAll('.prose h3[id]')].map((h) => `#${h.id}`))).toContain(target);
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
