import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outRoot } from '../helpers/build.ts';
import { built, distOf, page, ready } from '../helpers/sites.ts';

const BRIEF = '/briefs/internet-plus/';
let doc: Document;
beforeAll(async () => {
	await ready('site');
	doc = page('site', BRIEF);
});
const meta = (name: string) => doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content');

describe('sharing', () => {
	it('gives the brief a canonical URL, Open Graph and Twitter card tags', () => {
		expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('http://127.0.0.1:4321/briefs/internet-plus/');
		expect(meta('og:image')).toBe('http://127.0.0.1:4321/briefs/internet-plus/og.png');
		expect(meta('twitter:card')).toBe('summary_large_image');
		expect(meta('twitter:title')).toMatch(/Internet Plus/);
	});

	it('draws a 1200×630 PNG sharing image at build time', () => {
		const png = readFileSync(path.join(distOf('site'), BRIEF, 'og.png'));
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	});

	it("draws every published brief's card, beside the build or on its page, once, and each page serves the card drawn", async () => {
		// The combined fixture has 22 briefs, one of them a draft, which has no page and no card.
		const { output } = await ready('combined');
		// The thread draws while the pages are rendered, and a card's page draws any it has not drawn yet (the painter's own
		// order: tests/unit/painter.test.ts); whichever draws a card first, each is drawn once.
		const beside = Number(/(\d+) sharing cards? drawn beside the build\./.exec(output)?.[1]);
		expect(beside).toBeGreaterThan(0);
		expect(beside).toBeLessThanOrEqual(21);
		const cards = path.join(outRoot, 'combined', 'cache', 'og-images');
		const kept = readdirSync(cards).filter((name) => name.endsWith('.png'));
		// One file per card: a page that drew its own (its text read otherwise than by the painter) would add one.
		expect(kept).toHaveLength(21);
		const served = readdirSync(path.join(distOf('combined'), 'briefs')).map((slug) =>
			readFileSync(path.join(distOf('combined'), 'briefs', slug, 'og.png')),
		);
		expect(served).toHaveLength(21);
		const drawn = new Set(kept.map((name) => readFileSync(path.join(cards, name)).toString('base64')));
		for (const png of served) expect(drawn.has(png.toString('base64'))).toBe(true);
	});

	it('lists every page but the 404 in the sitemap', () => {
		const xml = readFileSync(path.join(distOf('site'), 'sitemap-0.xml'), 'utf8');
		const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
		expect(urls).toContain('http://127.0.0.1:4321/briefs/internet-plus/');
		expect(urls).toContain('http://127.0.0.1:4321/references/');
		expect(urls.some((u) => u?.includes('404'))).toBe(false);
	});

	it('publishes an RSS feed of briefs, linked from every page', () => {
		const xml = readFileSync(path.join(distOf('site'), 'feed.xml'), 'utf8');
		expect(xml).toContain('<link>http://127.0.0.1:4321/briefs/internet-plus/</link>');
		expect(page('site', '/').querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe('/feed.xml');
	});
});

describe('ids and the integrity check', () => {
	it('gives every block, heading, note and reference an id', () => {
		const count = (selector: string) => doc.querySelectorAll(selector).length;
		expect(count('.prose > p:not([id])')).toBe(0);
		expect(count('.prose li:not([id])')).toBe(0);
		expect(count('.prose h2:not([id])')).toBe(0);
		expect(count('.footnotes li[id^="fn-"]')).toBe(3);
		expect(count('.references li[id^="bib-"]')).toBe(10);
	});

	it('checks every link and fragment of the built site in the build itself', async () => {
		expect((await built('site')).output).toContain('every internal link and #fragment resolves; no duplicate ids');
	});
});
