import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, distOf, page, ready } from '../helpers/sites.ts';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

// The evidence briefs (quotes, corrections) of the combined fixture, citing evidence.bib.
let brief: Document;
beforeAll(async () => {
	await ready('combined');
	brief = page('combined', '/briefs/quotes/');
});

describe('quoted evidence (fixture "combined", briefs/quotes.mdx)', () => {
	const passage = (citation: string) => brief.querySelector(`[id="passage-${citation}"]`);

	it('builds, with every link resolved', async () => {
		expect((await built('combined')).output).toContain('every internal link and #fragment resolves');
	});

	it('lifts a quotation out of the citation into a preview of its own, which the citation opens', () => {
		expect(text(brief.querySelector('#quotes-p1'))).toBe('A plain quote (Wang and Li 2015)”.');
		const link = brief.querySelector('#cite-quotes-p1-wang2015 a');
		expect(link?.getAttribute('interestfor')).toBe('passage-cite-quotes-p1-wang2015');
		const preview = passage('cite-quotes-p1-wang2015');
		expect(preview?.getAttribute('popover')).toBe('hint');
		expect(text(preview?.querySelector('blockquote.passage'))).toBe('“evidence is what survives the checking”');
		expect(preview?.querySelector('blockquote')?.getAttribute('cite')).toBe('https://example.org/wang2015');
		const button = brief.querySelector('#quotes-p1 button.passage-button');
		expect(button?.getAttribute('popovertarget')).toBe('passage-cite-quotes-p1-wang2015');
		expect(button?.getAttribute('aria-label')).toBe('Show the passage quoted from Wang and Li 2015');
	});

	it('keeps the locator of a quoting citation', () => {
		expect(text(brief.querySelector('#cite-quotes-p2-wang2015'))).toBe('(Wang and Li 2015, 3)');
		expect(text(passage('cite-quotes-p2-wang2015')?.querySelector('.passage'))).toBe('“the exact words of the source”');
		expect(text(brief.querySelector('#cite-quotes-p4-doe2024'))).toBe('(Doe 2024, para. 2)');
	});

	it('quotes from one item of a cluster and from an author-in-text citation', () => {
		const cluster = brief.querySelector('#cite-quotes-p5-adams2001-poe2022');
		expect(text(cluster)).toBe('(see Adams 2001, 12; Poe 2022)');
		expect([...cluster!.querySelectorAll('a')].map((a) => a.getAttribute('interestfor'))).toEqual([
			'preview-adams2001',
			'passage-cite-quotes-p5-adams2001-poe2022',
		]);
		expect(text(brief.querySelector('#cite-quotes-p5-roe2023'))).toBe('Roe (2023)');
		expect(text(passage('cite-quotes-p5-roe2023')?.querySelector('.passage'))).toBe('“a narrative citation can quote too”');
	});

	it('links to the passage in the source with a text fragment, by its ends when it is long, by its parts when cut', () => {
		const find = (citation: string) =>
			[...(passage(citation)?.querySelectorAll('a') ?? [])]
				.find((a) => a.textContent === 'Find the passage in the source')
				?.getAttribute('href');
		expect(find('cite-quotes-p1-wang2015')).toBe('https://example.org/wang2015#:~:text=evidence%20is%20what%20survives%20the%20checking');
		expect(find('cite-quotes-p3-doe2024')).toBe(
			'https://example.org/doe-page#:~:text=pages%20change%20and%20vanish%2C,a%20claim%20rests%20on',
		);
		expect(find('cite-quotes-p4-doe2024')).toBe('https://example.org/doe-page#:~:text=the%20first%20words,the%20last%20words');
		expect(find('cite-quotes-p6-adams2001')).toBeUndefined();
		expect(text(passage('cite-quotes-p6-adams2001')?.querySelector('.passage'))).toBe('“no link for this one”');
	});

	it('lists each passage under the reference, after "Cited in", with its paragraph and the source', () => {
		const passages = [...brief.querySelectorAll('#bib-doe2024 .passages li')];
		expect(passages.map((li) => [text(li.querySelector('blockquote')), text(li.querySelector('.passage-links'))])).toEqual([
			[
				'“pages change and vanish, and a reader should know which version of the page a claim rests on”',
				'Quotes ¶3 · Find the passage in the source',
			],
			['“the first words … the last words”', 'Quotes ¶4 · Find the passage in the source'],
		]);
		expect(passages[0]?.querySelector('.back-link')?.getAttribute('href')).toBe('#quotes-p3');
	});
});

describe('access dates and archived copies (fixture "combined", briefs/quotes.mdx)', () => {
	it('shows when a page was read and its archived copy, in the entry and in its preview', () => {
		for (const selector of ['#bib-doe2024', '#preview-doe2024']) {
			const access = brief.querySelector(`${selector} .access`);
			expect(text(access)).toBe('Accessed 3 May 2025 · Archived copy (archived 2 May 2025)');
			expect(access?.querySelector('time')?.getAttribute('datetime')).toBe('2025-05-03');
			expect(access?.querySelector('a')?.getAttribute('href')).toBe(
				'https://web.archive.org/web/20250502000000/https://example.org/doe-page',
			);
		}
		expect(brief.querySelector('#bib-poe2022 .access a')?.getAttribute('href')).toBe('https://archive.ph/example');
		expect(brief.querySelector('#bib-roe2023 .access')).toBeNull();
	});

	it('does not print an access date the style has printed', () => {
		expect(text(brief.querySelector('#bib-kay .csl-entry'))).toContain('Accessed January 15, 2025.');
		expect(brief.querySelector('#bib-kay .access')).toBeNull();
	});

	it('names the cited web sources with neither, in one line at the end of the build', async () => {
		const lines = (await built('combined')).output
			.split('\n')
			.filter((line) => line.includes('neither an access date nor an archived copy'));
		expect(lines).toHaveLength(1);
		// The whole site's count: roe2023 of the evidence briefs, never their sources that have an access date or an archived copy.
		const [, count, keys] =
			/(\d+) cited web sources? (?:has|have) neither an access date nor an archived copy: (.*?)\. Add /.exec(lines[0]!) ?? [];
		expect(keys?.split(', ')).toHaveLength(Number(count));
		expect(keys?.split(', ')).toContain('roe2023');
		expect(keys?.split(', ')).not.toContain('doe2024');
		expect(keys?.split(', ')).not.toContain('poe2022');
	});
});

describe('COinS (fixture "combined", briefs/quotes.mdx)', () => {
	const coins = (key: string) => {
		const span = brief.querySelector(`[id="bib-${key}"] span.Z3988`);
		const params = new URLSearchParams(span?.getAttribute('title') ?? '');
		const all: Record<string, string | string[]> = {};
		for (const name of new Set(params.keys())) {
			const values = params.getAll(name);
			all[name] = values.length === 1 ? values[0]! : values;
		}
		return { span, all };
	};

	it('gives every reference entry one empty span, hidden from assistive technology', () => {
		const entries = brief.querySelectorAll('.reference-list > li');
		expect(brief.querySelectorAll('.reference-list span.Z3988')).toHaveLength(entries.length);
		for (const li of entries) {
			const span = li.querySelector('span.Z3988');
			expect(span?.innerHTML).toBe('');
			expect(span?.getAttribute('aria-hidden')).toBe('true');
		}
		expect(brief.querySelectorAll('.cite-previews span.Z3988')).toHaveLength(0);
	});

	it('parses back into the same fields: an article, a book, a report by an organisation, a web page', () => {
		expect(coins('wang2015').all).toEqual({
			ctx_ver: 'Z39.88-2004',
			rft_val_fmt: 'info:ofi/fmt:kev:mtx:journal',
			'rft.genre': 'article',
			'rft.atitle': 'Measuring Evidence',
			'rft.jtitle': 'Journal of Examples',
			'rft.volume': '12',
			'rft.issue': '3',
			'rft.pages': '1-20',
			'rft.au': ['Wang, Wei', 'Li, Lan'],
			'rft.date': '2015',
			rft_id: ['info:doi/10.1234/example.2015', 'https://example.org/wang2015'],
		});
		expect(coins('adams2001').all).toMatchObject({
			rft_val_fmt: 'info:ofi/fmt:kev:mtx:book',
			'rft.genre': 'book',
			'rft.btitle': 'Counting Things',
			'rft.pub': 'Example Press',
			'rft.place': 'Springfield',
			'rft.isbn': '9780000000002',
			'rft.au': 'Adams, Ada',
			'rft.date': '2001',
		});
		expect(coins('corp2020').all).toMatchObject({
			'rft.genre': 'report',
			'rft.btitle': 'A Report on Reports',
			'rft.aucorp': 'Example Institute',
			'rft.date': '2020-04',
		});
		expect(coins('doe2024').all).toMatchObject({
			rft_val_fmt: 'info:ofi/fmt:kev:mtx:dc',
			'rft.title': 'A Page That Changes',
			rft_id: 'https://example.org/doe-page',
		});
	});

	it('is on every entry of /references/ as well', () => {
		const all = page('combined', '/references/');
		// The sources of evidence.bib, whose pages are /references/<key>~~evidence/.
		const entries = [...all.querySelectorAll('[data-key][id$="~~evidence"]')];
		expect(entries.length).toBe(7);
		for (const entry of entries) expect(entry.querySelectorAll('span.Z3988')).toHaveLength(1);
		const wang = new URLSearchParams(all.querySelector('[id="source-wang2015~~evidence"] span.Z3988')?.getAttribute('title') ?? '');
		expect(wang.get('rft.atitle')).toBe('Measuring Evidence');
	});

	it('leaves the page’s Highwire tags describing the brief itself', () => {
		expect(brief.querySelector('meta[name="citation_title"]')?.getAttribute('content')).toBe('Quoted evidence');
	});
});

describe('corrections (fixture "combined", briefs/corrections.mdx)', () => {
	let brief: Document;
	let jsonLd: Record<string, unknown>;
	beforeAll(() => {
		brief = page('combined', '/briefs/corrections/');
		jsonLd = JSON.parse(brief.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
	});

	it('lists them newest first in "Updates and corrections", linked from the header and the contents', () => {
		const section = brief.querySelector('section.corrections');
		expect(text(section?.querySelector('h2'))).toBe('Updates and corrections');
		expect([...section!.querySelectorAll('li')].map((li) => [li.id, text(li)])).toEqual([
			['correction-2026-04-02', '2 April 2026: The second paragraph gave the wrong year; it now says 2015. See the passage it concerns'],
			['correction-2026-03-20', '20 March 2026: A typo in the first paragraph was fixed.'],
		]);
		expect(brief.querySelector('.brief-header a[href="#updates-and-corrections"]')).not.toBeNull();
		expect(brief.querySelector('.toc a[href="#updates-and-corrections"]')).not.toBeNull();
	});

	it('sets "Updated" to the newest correction', () => {
		expect(text(brief.querySelector('.brief-header .dates'))).toContain('Updated 2 April 2026');
		expect(jsonLd['dateModified']).toBe('2026-04-02');
	});

	it('marks the paragraph a correction names with a link to it that says so in words', () => {
		const marker = brief.querySelector('#findings-p2 a.correction-marker');
		expect(marker?.getAttribute('href')).toBe('#correction-2026-04-02');
		expect(marker?.getAttribute('aria-label')).toBe('Corrected on 2 April 2026: see Updates and corrections');
		expect(text(marker)).toBe('corrected');
		expect(brief.querySelector('#findings-p1 a.correction-marker')).toBeNull();
	});

	it('describes each in JSON-LD as a schema.org CorrectionComment', () => {
		expect(jsonLd['correction']).toEqual([
			{
				'@type': 'CorrectionComment',
				datePublished: '2026-04-02',
				text: 'The second paragraph gave the wrong year; it now says 2015.',
				url: 'http://127.0.0.1:4321/briefs/corrections/#correction-2026-04-02',
			},
			{
				'@type': 'CorrectionComment',
				datePublished: '2026-03-20',
				text: 'A typo in the first paragraph was fixed.',
				url: 'http://127.0.0.1:4321/briefs/corrections/#correction-2026-03-20',
			},
		]);
	});

	it('puts each in the feed as an item of its own, linked to it in the brief', () => {
		const feed = parseHTML(
			readFileSync(path.join(distOf('combined'), 'feed.xml'), 'utf8')
				.replace(/<link>/g, '<url>')
				.replace(/<\/link>/g, '</url>'),
		).document;
		const items = [...feed.querySelectorAll('item')].map((item) => ({
			title: text(item.querySelector('title')),
			url: text(item.querySelector('url')),
			date: text(item.querySelector('pubDate')),
			description: text(item.querySelector('description')),
		}));
		expect(items[0]).toEqual({
			title: 'Correction: Corrected brief',
			url: 'http://127.0.0.1:4321/briefs/corrections/#correction-2026-04-02',
			date: 'Thu, 02 Apr 2026 00:00:00 GMT',
			description: 'The second paragraph gave the wrong year; it now says 2015.',
		});
		// The evidence briefs' items among the site's, newest first.
		const ours = items.map((item) => item.title).filter((title) => /Corrected brief|Quoted evidence/.test(title));
		expect(ours).toEqual(['Correction: Corrected brief', 'Correction: Corrected brief', 'Corrected brief', 'Quoted evidence']);
	});
});

// A quotation over 60 words, with the brief's other citation problems: tests/unit/author-errors.test.ts.
