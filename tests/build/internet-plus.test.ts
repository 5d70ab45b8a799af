import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/bibliography/parse-bibtex.ts';
import { root } from '../helpers/build.ts';
import { page, ready } from '../helpers/sites.ts';

let doc: Document;
let text: string;
beforeAll(async () => {
	await ready('site');
	doc = page('site', '/briefs/internet-plus/');
	// The brief's own words: the passages it quotes from the original, to show the words it corrects, are the original's.
	const article = doc.querySelector('article')?.cloneNode(true) as Element | undefined;
	for (const passage of article?.querySelectorAll('blockquote.passage') ?? []) passage.remove();
	text = article?.textContent ?? '';
});
const bib = parseBibtex(readFileSync(path.join(root, 'content/bibliography.bib'), 'utf8'));

/** Errors of the original article that the brief must not repeat (see the source verification). */
const KNOWN_ERRORS: [RegExp, string][] = [
	[/Klien/, 'the misspelt author of the Brookings report (Klein)'],
	[/Hong Kong China Monetary Authority/i, 'the wrong name of the Hong Kong Monetary Authority'],
	[/FinTech Supervisor Sandbox/i, 'the wrong name of the Fintech Supervisory Sandbox'],
	[/Lee,? et al\.? \(?2019/, 'the wrong year of the KIEP report (2018)'],
	[/mid-1990s|since the mid/i, 'the wrong start of indigenous-innovation policy (late 1990s; national strategy 2006)'],
	[/among (ASEAN|the Association of Southeast Asian Nations)/i, 'the Digital Silk Road confined to ASEAN (it is global)'],
	[/sponge absorbing/i, 'the unverified "sponge" quotation'],
	[/\(Wu,? 2022\)|\(Gao,? 2015\)/, 'a citation of an unidentified source'],
	[/Gordon and Nouwens,? 2022\)/, 'Gordon and Nouwens dated to the unconfirmed 2022'],
	[/\b62 new products\b|\b34 have been successfully\b/i, 'the unverified sandbox figures stated as fact'],
];

describe('the Internet Plus brief', () => {
	it.each(KNOWN_ERRORS)('does not repeat %s (%s)', (pattern) => {
		expect(text).not.toMatch(pattern);
	});

	it('shows the original article’s words where it corrects them, as quotations from the article only', () => {
		const passages = [...doc.querySelectorAll('.reference blockquote.passage')];
		expect(passages.length).toBe(7);
		expect(passages.every((passage) => passage.closest('.reference')?.id === 'bib-mian')).toBe(true);
		expect(passages.map((passage) => passage.textContent).join(' ')).toMatch(/Klien 2020.*Lee, et al\. 2019/s);
	});

	it('has the sections a reader expects, in order', () => {
		const sections = [...doc.querySelectorAll('.prose > .section-head > h2')].map((h) => h.id);
		expect(sections).toEqual([
			'key-findings',
			'what-internet-plus-is-and-where-it-came-from',
			'scale-as-a-strategy',
			'long-term-policy',
			'fintech',
			'digital-payments',
			'regulation-and-sandboxes',
			'indigenous-innovation',
			'the-digital-silk-road',
			'solar-pv',
			'what-the-evidence-does-not-show',
			'source-notes',
		]);
	});

	it('lists every bibliography entry, each with its verification status in words', () => {
		const listed = [...doc.querySelectorAll('.references li.reference')];
		expect(listed.map((li) => li.getAttribute('data-key')).sort()).toEqual(bib.map((e) => e.key).sort());
		for (const li of listed) {
			const key = li.getAttribute('data-key')!;
			const entry = bib.find((e) => e.key === key)!;
			expect(li.getAttribute('data-status')).toBe(entry.fields['verification']);
			expect(li.querySelector('.status')?.textContent).toMatch(/^(Verified|Likely, not confirmed|Unverified)$/);
			expect(li.querySelector('.verification-note')?.textContent?.length).toBeGreaterThan(20);
		}
	});

	it('carries the corrected facts', () => {
		expect(text).toContain('Hong Kong Monetary Authority');
		expect(text).toContain('Fintech Supervisory Sandbox');
		expect(text).toMatch(/late 1990s/);
		expect(text).toMatch(/2006/);
		expect(doc.querySelector('#bib-gordon2023')?.textContent).toMatch(/Gordon, David, and Meia Nouwens, eds\./);
		expect(doc.querySelector('#bib-lee2018')?.textContent).toMatch(/2018/);
		expect(doc.querySelector('#bib-klein2020')?.textContent).toMatch(/Klein, Aaron/);
	});

	it('reports the unverified sandbox figures as unverified, not as fact', () => {
		const paragraph = [...doc.querySelectorAll('.prose p')].find((p) => p.textContent?.includes('62'));
		expect(paragraph?.textContent).toMatch(/could not be confirmed/);
	});

	it('marks Chinese terms as Chinese', () => {
		const zh = [...doc.querySelectorAll('[lang="zh-Hans"]')].map((el) => el.textContent);
		expect(zh).toEqual(expect.arrayContaining(['互联网+', '中国制造2025', '数字丝绸之路']));
	});

	it('credits the original article without inventing a date or URL for it', () => {
		const original = doc.querySelector('#bib-mian .csl-entry');
		expect(original?.textContent).toContain('Unpacking the Impact of China’s Internet Plus Strategy on Digital Transformation');
		expect(original?.textContent).toContain('n.d.');
		expect(original?.querySelectorAll('a')).toHaveLength(0);
	});

	it('never invents a DOI, and gives URLs only where verified', () => {
		expect(bib.filter((e) => e.fields['doi'])).toEqual([]);
		expect(
			bib
				.filter((e) => e.fields['url'])
				.map((e) => e.key)
				.sort(),
		).toEqual(['gordon2023', 'lee2018', 'pan2018', 'zhou2022']);
	});
});
