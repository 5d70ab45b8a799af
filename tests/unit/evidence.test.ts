import { describe, expect, it } from 'vitest';
import { coinsTitle } from '../../src/citations/coins.ts';
import { liftQuote, textFragmentUrl } from '../../src/citations/evidence.ts';
import { sourceRecords } from '../../src/integrations/source-records.ts';
import { webSourcesLine } from '../../src/integrations/web-sources-report.ts';
import { frontmatterOf } from '../../src/plugins/frontmatter.ts';
import { pageDataOf } from '../../src/plugins/page-data.ts';
import { citationsOf } from '../../src/plugins/rehype-citation-ids.ts';
import { citedSources, citingBrief } from '../../src/sources/model.ts';
import { config, render, renderFile, stage } from './process.ts';

const lift = (suffix: string) => liftQuote(suffix, [0, suffix.length], () => '');

describe('a quotation at the end of a suffix', () => {
	it('is lifted, leaving the locator', () => {
		expect(lift(', p. 3, quoting "the exact words"')).toEqual({ suffix: [0, 6], quote: 'the exact words', span: [6, 33], mark: 16 });
		expect(lift('quoting “curly marks”')?.quote).toBe('curly marks');
		expect(lift(', quoting "two\n  lines"')).toMatchObject({ suffix: [0, 0], quote: 'two lines' });
	});

	it('is not found in an ordinary suffix', () => {
		expect(lift(', p. 3')).toBeUndefined();
		expect(lift(', on "quoting" practice')).toBeUndefined();
		expect(lift(', misquoting "x"')).toBeUndefined();
	});

	it('renders as an ordinary citation with the passage kept for its preview', async () => {
		const html = await render('A claim [@baker2010, p. 3, quoting "the exact words"].');
		expect(html).toContain('(<a href="#bib-baker2010" interestfor="passage-cite-intro-p1-baker2010">Baker and Cole 2010, 3</a>)');
		expect(html).toMatch(
			/<div id="passage-cite-intro-p1-baker2010" popover="hint" class="cite-preview">.*<blockquote class="passage" cite="https:\/\/example.org\/baker2010"><p>“the exact words”<\/p><\/blockquote>/s,
		);
	});

	it('is refused over 60 words, where it starts, with the other citation problems', async () => {
		const long = Array.from({ length: 61 }, (_, i) => `w${i}`).join(' ');
		await expect(render(`Claim [@adams2001, quoting "${long}"] and [@nope].`)).rejects.toThrow(
			/brief\.mdx:1:28: the quotation from "adams2001" has 61 words, more than 60 \(quote, don't copy\)\.[^\n]*\n\s+\S+:1:\d+: unknown citation key "nope"/,
		);
	});
});

describe('a text fragment', () => {
	it('encodes the directive’s own characters', () => {
		expect(textFragmentUrl('https://example.org/a', 'well-known, A & B')).toBe(
			'https://example.org/a#:~:text=well%2Dknown%2C%20A%20%26%20B',
		);
	});

	it('names a long passage by its ends, a cut passage by its parts, after an existing fragment', () => {
		expect(textFragmentUrl('https://example.org/a', 'one two three four five six seven eight nine ten')).toBe(
			'https://example.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
		);
		expect(textFragmentUrl('https://example.org/a#s2', 'first words … last words')).toBe(
			'https://example.org/a#s2:~:text=first%20words,last%20words',
		);
	});
});

describe('COinS', () => {
	it('describes a chapter in the book format and an organisation as aucorp', () => {
		const title = coinsTitle({
			id: 'c',
			type: 'chapter',
			title: 'A Part',
			'container-title': 'The Whole',
			author: [{ literal: 'Example Institute' }],
			publisher: 'Press',
			issued: { 'date-parts': [[2020, 4]] },
		});
		expect(Object.fromEntries(new URLSearchParams(title))).toEqual({
			ctx_ver: 'Z39.88-2004',
			rft_val_fmt: 'info:ofi/fmt:kev:mtx:book',
			'rft.genre': 'bookitem',
			'rft.atitle': 'A Part',
			'rft.btitle': 'The Whole',
			'rft.pub': 'Press',
			'rft.aucorp': 'Example Institute',
			'rft.date': '2020-04',
		});
	});
});

describe('corrections', () => {
	const corrections = [{ date: new Date('2026-12-01'), text: 'Fixed.', anchor: 'section-p1' }];

	it('marks the block a correction names, with a link to it', async () => {
		const html = await render('## Section\n\nA paragraph [@adams2001].', { corrections });
		expect(html).toMatch(
			/<p id="section-p1"[^>]*>.*<a class="correction-marker" href="#correction-2026-12-01" aria-label="Corrected on 1 December 2026: see Updates and corrections"[^>]*>corrected<\/a><\/p>/s,
		);
	});

	it('fails on an anchor the brief does not have, naming the file and every such anchor', async () => {
		await expect(
			render('## Section\n\nA paragraph.', { corrections: [...corrections, { date: '2026-12-02', text: 'x', anchor: 'gone-p9' }] }),
		).rejects.toThrow(
			'tests/unit/fixtures/brief.mdx: corrections name an anchor this brief does not have: "gone-p9" (the correction of 2026-12-02).',
		);
	});
});

it('puts the passages a brief quotes into its source’s search record, through the source model', async () => {
	const { file } = await renderFile('## Section\n\nA claim [@baker2010, p. 3, quoting "the exact words"].');
	const [record] = sourceRecords(
		citedSources([citingBrief('b', { ...frontmatterOf(file), title: 'B', published: '2026-01-01' }, citationsOf(file), config)], {
			config,
			stage,
		}),
		config,
	);
	expect(record?.content).toContain('B. Cited in: Section ¶1 “the exact words”');
});

it("hands the pages every use the plugins recorded, through the compiled brief's frontmatter, each block written once", async () => {
	const { file } = await renderFile(
		'## Section\n\nA claim [@baker2010, p. 3, quoting "the exact words"; @adams2001] and another [@adams2001].\n\nA second paragraph [see @baker2010].\n\nA note.[^n]\n\n[^n]: Noted [@adams2001].',
	);
	const recorded = citationsOf(file);
	expect(recorded.map((use) => `${use.key} ${use.block.label}`)).toEqual([
		'baker2010 Section ¶1',
		'adams2001 Section ¶1',
		'adams2001 Section ¶1',
		'baker2010 Section ¶2',
		'adams2001 Note 1',
	]);
	const packed = frontmatterOf(file)['citations'];
	expect(pageDataOf(frontmatterOf(file)).citations).toEqual(recorded);
	expect(String(packed).match(/"label"/g)).toHaveLength(3);
	// The pipeline counted the brief's reading time from its text.
	expect(pageDataOf(frontmatterOf(file)).minutes).toBe(1);
	// A brief the plugins left no citation or note for gets none; what they never write is an error, not a guess.
	expect(pageDataOf({ minutes: 3 })).toEqual({ citations: [], sidenotes: [], minutes: 3 });
	expect(() => pageDataOf({ minutes: 3, citations: [{ key: 'adams2001' }] })).toThrow(/citation uses reached its page as object/);
	expect(() => pageDataOf({ minutes: 3, sidenotes: 'why' })).toThrow(/sidenotes reached its page/);
	expect(() => pageDataOf({})).toThrow(/reading time reached its page as undefined/);
	expect(() => pageDataOf({ minutes: '7 min' })).toThrow(/reading time reached its page as "7 min"/);
});

describe('the line naming web sources with neither an access date nor an archived copy', () => {
	it('counts one source in the singular, several in the plural, and says nothing for none', () => {
		expect(webSourcesLine(['lee2018'])).toMatch(
			/^1 cited web source has neither an access date nor an archived copy: lee2018\. Add urldate/,
		);
		expect(webSourcesLine(['gordon2023', 'lee2018'])).toMatch(
			/^2 cited web sources have neither an access date nor an archived copy: gordon2023, lee2018\. Add urldate/,
		);
		expect(webSourcesLine([])).toBeUndefined();
	});
});
