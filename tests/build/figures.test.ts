import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/anchors/manifest.ts';
import { contentCopy, shownCopy } from '../helpers/build.ts';
import { built, distOf, page, ready } from '../helpers/sites.ts';

describe('figures and tables (fixture "combined", briefs/figures.mdx)', () => {
	let doc: Document;
	let prose: Element;
	beforeAll(async () => {
		await ready('combined');
		doc = page('combined', '/briefs/figures/');
		prose = doc.querySelector('.prose')!;
	});
	const numbers = (selector: string) => [...prose.querySelectorAll(selector)].map((n) => n.textContent);

	it('builds, warning about the image without alt text with its place in the source', async () => {
		const { output } = await built('combined');
		expect(output).toContain(
			`${shownCopy('combined')}/briefs/figures.mdx:41:1: the image "./three-bars.png" has no alt text. Say what it shows between the brackets: ![A bar chart of …](./three-bars.png).`,
		);
		expect(output.match(/has no alt text/g)).toHaveLength(1);
	});

	it('numbers figures and tables apart, in document order, in figure/figcaption and table/caption markup', () => {
		expect([...prose.querySelectorAll('figure')].map((f) => f.id)).toEqual(['fig-rising', 'fig-three']);
		expect(numbers('figure > figcaption > .figure-number')).toEqual(['Figure 1:', 'Figure 2:']);
		expect([...prose.querySelectorAll('table')].map((t) => t.id)).toEqual(['tbl-counts', 'tbl-wide']);
		expect(numbers('table > caption > .figure-number')).toEqual(['Table 1:', 'Table 2:']);
		expect(doc.querySelector('#tbl-wide > caption')?.textContent).toBe('Table 2: A table wider than a phone’s screen.');
		expect(prose.textContent).not.toMatch(/(?:Figure|Table): |#(?:fig|tbl)-/);
	});

	it('turns cross-references into numbers, before and after their targets', () => {
		expect([...prose.querySelectorAll('a.xref')].map((a) => `${a.getAttribute('href')} ${a.textContent}`)).toEqual([
			'#fig-rising Figure 1',
			'#tbl-wide table 2',
			'#tbl-counts Table 1',
			'#fig-three the small chart',
			'#tbl-counts Table 1',
			'#fig-three Figure 2',
		]);
	});

	it('resolves citations in captions, with back-links that name the figure or table', () => {
		expect(doc.querySelector('#tbl-counts > caption .citation a')?.textContent).toBe('Baker and Cole 2010');
		const backLinks = (key: string) =>
			[...doc.querySelectorAll(`#bib-${key} .back-link`)].map((a) => `${a.getAttribute('href')} ${a.textContent}`);
		expect(backLinks('baker2010')).toEqual(['#tbl-counts Table 1']);
		expect(backLinks('adams2001')).toEqual(['#fig-rising Figure 1']);
		expect(doc.querySelector('#cite-tbl-counts-baker2010 a')?.getAttribute('interestfor')).toBe('preview-baker2010');
	});

	it('shows optimised images with their size, linked to the original file at full size', () => {
		const img = doc.querySelector('#fig-rising img')!;
		expect(img.getAttribute('src')).toMatch(/^\/_astro\/rising-bars\.[\w-]+\.webp$/);
		expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).toEqual(['1600', '800', 'lazy']);
		expect(img.getAttribute('alt')).toBe('Five blue bars, each taller than the one before, on a white ground');
		const href = doc.querySelector('#fig-rising a.figure-full')!.getAttribute('href')!;
		expect(href).toMatch(/^\/_astro\/rising-bars\.[\w-]+\.png$/);
		const png = readFileSync(path.join(distOf('combined'), href));
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 800]);
	});

	it('gives every figure and table a copy-link button, and a search title from its caption', () => {
		expect(doc.querySelector('#fig-rising > button.copy-link')?.getAttribute('aria-label')).toBe('Copy link to Figure 1');
		expect(doc.querySelector('#tbl-counts > caption > button.copy-link')?.getAttribute('data-copy')).toBe('#tbl-counts');
		expect([...prose.querySelectorAll('figure, table')].map((n) => n.getAttribute('data-pagefind-title'))).toEqual([
			'Figure 1: Five values rising in steps.',
			'Table 1: Counts by year, as the source gives them.',
			'Figure 2: Three values side by side.',
			'Table 2: A table wider than a phone’s screen.',
		]);
	});

	it('puts each table in a scroll box a keyboard can reach, named after the table', () => {
		const box = doc.querySelector('#tbl-wide')!.parentElement!;
		expect(box.className).toBe('table-scroll');
		expect([box.tagName, box.getAttribute('tabindex'), box.getAttribute('aria-label')]).toEqual([
			'SECTION',
			'0',
			'Table 2: A table wider than a phone’s screen.',
		]);
	});

	it('records figures and tables in the anchor manifest like paragraphs', () => {
		const manifest = JSON.parse(readFileSync(path.join(contentCopy('combined'), 'anchors.json'), 'utf8')) as Manifest;
		const anchors = manifest.briefs['figures']!.anchors;
		expect(anchors['fig-rising']).toMatchObject({ kind: 'fig', section: 'before-the-figures' });
		expect(anchors['tbl-counts']).toMatchObject({ kind: 'table', section: 'before-the-figures' });
		expect(anchors['tbl-wide']?.text).toMatch(/^table 2 a table wider than a phone s screen measure 2015/);
		expect(anchors['fig-three']).toMatchObject({ kind: 'fig', section: 'after-the-figures' });
	});
});

describe('the Internet Plus brief’s table of claims', () => {
	let doc: Document;
	beforeAll(async () => {
		await ready('site');
		doc = page('site', '/briefs/internet-plus/');
	});

	it('is Table 1, referred to from the introduction, and cites its sources', () => {
		expect(doc.querySelector('#tbl-claims > caption')?.textContent).toMatch(
			/^Table 1: The original article’s claims \(Mian, n\.d\.\) beside what the sources confirm\.$/,
		);
		expect(doc.querySelector('#intro-p2 a.xref[href="#tbl-claims"]')?.textContent).toBe('Table 1');
		const cited = [...doc.querySelectorAll('#tbl-claims .citation a')].map((a) => a.getAttribute('href'));
		expect(new Set(cited)).toEqual(
			new Set([
				'#bib-mian',
				'#bib-klein2020',
				'#bib-attrey2020',
				'#bib-lee2018',
				'#bib-gordon2023',
				'#bib-gao2014',
				'#bib-mckinsey2017',
				'#bib-pan2018',
				'#bib-zhou2022',
			]),
		);
		expect(doc.querySelector('#bib-lee2018 .back-link[href="#tbl-claims"]')?.textContent).toBe('Table 1');
	});
});

// Figure and table mistakes, all listed at once: tests/unit/author-errors.test.ts.
