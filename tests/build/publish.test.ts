import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, distOf, page, ready } from '../helpers/sites.ts';

// The real site built for https://example.org/research/ (SITE_OPTIONS in tests/helpers/sites.ts).
const SITE = 'https://example.org/research/';
const BASE = '/research/';
const BRIEF = 'briefs/internet-plus/';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

function* elements(node: Node): Generator<Element> {
	if ('tagName' in node) yield node;
	const children =
		node.nodeName === 'template'
			? (node as DefaultTreeAdapterMap['template']).content.childNodes
			: 'childNodes' in node
				? node.childNodes
				: [];
	for (const child of children) yield* elements(child);
}

const files = (ext: string) =>
	readdirSync(distOf('research'), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith(ext) && !d.parentPath.includes('pagefind'))
		.map((d) => path.relative(distOf('research'), path.join(d.parentPath, d.name)));
const read = (file: string) => readFileSync(path.join(distOf('research'), file), 'utf8');

describe('a site published under a path', () => {
	beforeAll(() => ready('research'));

	it('builds, checks its links under the path, and does not warn about the address', async () => {
		const { output } = await built('research');
		expect(output).toContain('every internal link and #fragment resolves under /research/');
		expect(output).not.toContain('the local default');
	});

	it('warns loudly when the address is still the local default', async () => {
		expect((await built('site')).output).toMatch(
			/!!! This site was built for the address http:\/\/127\.0\.0\.1:4321, the local default\.\n(!!! .*\n){4,}/,
		);
	});

	it('leaves /research/ by no root-relative href, src or action on any page, and loads modules from under it', () => {
		expect(files('.html').length).toBeGreaterThan(10);
		for (const file of files('.html')) {
			const links = [...elements(parse(read(file)))].flatMap((el) =>
				el.attrs.filter((a) => ['href', 'src', 'action', 'srcset'].includes(a.name)).map((a) => `${el.tagName} ${a.name}=${a.value}`),
			);
			expect(links.length, file).toBeGreaterThan(3);
			expect(
				links.filter((l) => /=\/(?!\/)/.test(l) && !l.includes(`=${BASE}`)),
				file,
			).toEqual([]);
			// Inline scripts load modules from under the path too.
			const scripts = [...elements(parse(read(file)))].filter((el) => el.tagName === 'script' && !el.attrs.length);
			const bootstrap = scripts
				.map((el) => el.childNodes.map((n) => ('value' in n ? n.value : '')).join(''))
				.find((t) => t.includes('import('));
			expect(bootstrap, file).toContain(`"${BASE}_s/"`);
		}
	});

	it('gives every absolute URL in pages, feed, sitemaps and exports the address with its path', () => {
		const texts = [...files('.html'), ...files('.xml'), ...files('.bib'), ...files('.ris'), ...files('.json')].map(
			(f) => [f, read(f)] as const,
		);
		const urls = texts.flatMap(([file, text]) =>
			[...text.matchAll(/https?:\/\/(?:example\.org|127\.0\.0\.1)[^\s"'<>)}\]]*/g)].map(([url]) => `${file}: ${url}`),
		);
		expect(urls.length).toBeGreaterThan(50);
		expect(urls.filter((u) => !u.split(': ')[1]!.startsWith(SITE))).toEqual([]);
	});

	it('names the brief by its address under the path: canonical, Open Graph, Twitter, JSON-LD and "Cite this"', () => {
		const doc = page('research', `/${BRIEF}`);
		const url = `${SITE}${BRIEF}`;
		expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
		expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(url);
		expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(`${url}og.png`);
		expect(doc.querySelector('meta[name="twitter:image"]')?.getAttribute('content')).toBe(`${url}og.png`);
		expect(doc.querySelector('meta[name="citation_abstract_html_url"]')?.getAttribute('content')).toBe(url);
		expect((JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as { url: string }).url).toBe(url);
		expect(doc.querySelector('#cite-brief')?.textContent).toContain(url);
		expect(read(`${BRIEF}cite.bib`)).toContain(url);
		expect(page('research', '/').querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(SITE);
	});

	it('lists its pages in the sitemap and the feed by their addresses under the path', () => {
		expect(read('sitemap-index.xml')).toContain(`<loc>${SITE}sitemap-0.xml</loc>`);
		expect(read('sitemap-0.xml')).toContain(`<loc>${SITE}${BRIEF}</loc>`);
		expect(read('feed.xml')).toContain(`<link>${SITE}${BRIEF}</link>`);
		expect(read('feed.xml')).toContain(`<link>${SITE}</link>`);
	});
});
