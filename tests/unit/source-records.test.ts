import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readBibliography } from '../../src/bibliography/load.ts';
import { sourceRecords } from '../../src/integrations/source-records.ts';
import { resolveCitationSettings } from '../../src/plugins/citation-options.ts';
import type { CitationUse } from '../../src/plugins/rehype-citation-ids.ts';
import { citedSources, citingBrief, pageTitle, shortTitle, titleLine } from '../../src/sources/model.ts';
import { config, stage } from './process.ts';

const { site } = config;
const ctx = { config, stage };

/** The site's bibliography, whose keys name sources as they are. */
const MAIN = resolveCitationSettings({}, config).bibliography;

/** Where a brief cites a source, as rehype-citation-ids records it. */
const use = (key: string, label: string, block = 'digital-payments-p1', quotes?: string[]): CitationUse => ({
	key,
	id: `cite-${block}-${key}`,
	block: { id: block, kind: 'p', label, section: { id: block.replace(/-p\d+$/, ''), title: label.replace(/ ¶\d+$/, '') } },
	...(quotes ? { quotes } : {}),
});

/** A brief as the source model reads it: frontmatter as written (the date as text), and its citations. */
const brief = (
	slug: string,
	title: string,
	published: string | Date,
	uses: CitationUse[],
	more: { topics?: string[]; bibliography?: string } = {},
) => citingBrief(slug, { title, published, topics: more.topics ?? [], bibliography: more.bibliography ?? MAIN }, uses, config);

it('makes one search record per source, however many briefs cite it, linking to its entry on the references page', () => {
	const records = sourceRecords(
		citedSources(
			[
				brief('another-brief', 'Another brief', '2026-10-01', [use('klein2020', 'Introduction ¶1', 'intro-p1')], { topics: ['fintech'] }),
				brief(
					'a-brief',
					'A brief',
					'2026-11-29',
					[
						use('klein2020', 'Digital payments ¶1'),
						use('klein2020', 'Digital payments ¶1'),
						use('klein2020', 'Digital payments ¶2', 'digital-payments-p2'),
					],
					{
						topics: ['China', 'fintech'],
					},
				),
			],
			ctx,
		),
		config,
	);
	expect(records).toEqual([
		{
			url: '/references/#source-klein2020',
			content:
				'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution. Verified. ' +
				"Identification verified; the original article misspells the author's name. No DOI exists and the canonical URL was not confirmed. " +
				'A brief. Cited in: Digital payments ¶1, Digital payments ¶2 Another brief. Cited in: Introduction ¶1',
			language: 'en',
			meta: { title: 'Klein 2020. China’s Digital Payments Revolution', status: 'Verified' },
			filters: { type: ['Sources'], brief: ['A brief', 'Another brief'], topic: ['China', 'fintech'], status: ['Verified'] },
		},
	]);
});

it('names the newest few citing briefs, as the references page does, so that a source cited across a large site stays a small record', () => {
	const n = site.citingBriefsListed;
	const briefs = Array.from({ length: 3000 }, (_, i) =>
		brief(
			`brief-${i}`,
			`Brief ${i}`,
			new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10),
			[use('klein2020', 'Regulation and sandboxes ¶1', 'regulation-p1')],
			{
				topics: ['fintech'],
			},
		),
	);
	const [source] = citedSources(briefs, ctx);
	// Newest first (brief 2999, 2998, …): the references page lists `source.citedIn` in this order too.
	expect(source!.citedIn.slice(0, 3).map((citing) => citing.brief.title)).toEqual(['Brief 2999', 'Brief 2998', 'Brief 2997']);
	const [record] = sourceRecords([source!], config);
	for (const { brief: b } of source!.citedIn.slice(0, n))
		expect(record!.content).toContain(`${b.title}. Cited in: Regulation and sandboxes ¶1`);
	expect(record!.content).not.toContain(`${source!.citedIn[n]!.brief.title}.`);
	expect(record!.content).toMatch(new RegExp(`Also cited in ${(3000 - n).toLocaleString('en')} more briefs\\.$`));
	expect(record!.content.length).toBeLessThan(1000);
	// Every citing brief can still be chosen in the brief filter.
	expect(record!.filters['brief']).toHaveLength(3000);
});

it('orders citing briefs by their date as the schema reads it, whether the frontmatter held text or a date', () => {
	const [source] = citedSources(
		[
			brief('older', 'Older', '2026-01-02', [use('klein2020', 'X ¶1')]),
			brief('newer', 'Newer', new Date('2026-01-03T00:00:00Z'), [use('klein2020', 'X ¶1')]),
			brief('same-day-b', 'Same day B', '2026-01-02', [use('klein2020', 'X ¶1')]),
		],
		ctx,
	);
	expect(source!.citedIn.map((citing) => citing.brief.slug)).toEqual(['newer', 'older', 'same-day-b']);
});

it('counts briefs, not titles, when saying how many more cite a source', () => {
	const briefs = Array.from({ length: site.citingBriefsListed + 2 }, (_, i) =>
		brief(`b${i}`, i < 2 ? 'Same title' : `Brief ${i}`, '2026-01-01', [use('klein2020', 'X ¶1')]),
	);
	const [record] = sourceRecords(citedSources(briefs, ctx), config);
	expect(record!.content).toMatch(/Also cited in 2 more briefs\.$/);
});

it('puts the passages a brief quotes into its source’s record', () => {
	const [record] = sourceRecords(
		citedSources([brief('b', 'B', '2026-01-01', [use('klein2020', 'A ¶1', 'a-p1', ['the exact words'])])], ctx),
		config,
	);
	expect(record!.content).toContain('Cited in: A ¶1 “the exact words”');
});

it('gives a source a short title, from its CSL-JSON: who and when, and what', () => {
	const { sources } = readBibliography(
		`@report{a, author = {Klein, Aaron}, title = {{China's} Digital Payments Revolution}, year = {2020}}
@book{b, editor = {Gordon, David and Nouwens, Meia}, title = {The Digital Silk Road}, year = {2023}}
@report{c, author = {Lee, Sanghun and Kim, Hongwon and Choi, Jaehee}, title = {A Study}, year = {2018}}
@misc{d, author = {{McKinsey Global Institute}}, title = {A Force}, year = {2017}}
@misc{e, author = {Attrey, Angela}, year = {2020}}`,
		'short.bib',
	);
	const line = (key: string) => titleLine(shortTitle(sources.get(key)!.csl));
	expect(line('a')).toBe('Klein 2020. China’s Digital Payments Revolution');
	expect(line('b')).toBe('Gordon and Nouwens 2023. The Digital Silk Road');
	expect(line('c')).toBe('Lee et al. 2018. A Study');
	expect(line('d')).toBe('McKinsey Global Institute 2017. A Force');
	expect(line('e')).toBe('Attrey 2020');
	// Its own page is named by its title, or, untitled, by who and when.
	expect(pageTitle({ key: 'a', shortTitle: shortTitle(sources.get('a')!.csl) })).toBe('China’s Digital Payments Revolution');
	expect(pageTitle({ key: 'e', shortTitle: shortTitle(sources.get('e')!.csl) })).toBe('Attrey 2020');
});

it('keeps the address out of a source record, so that its excerpt is a line of text', () => {
	const [record] = sourceRecords(citedSources([brief('a', 'A', '2026-01-01', [use('pan2018', 'X ¶1')])], ctx), config);
	expect(record!.content).not.toMatch(/https?:/);
	expect(record!.content).toMatch(/^Pan, Philip P\. 2018\. “The Land That Failed to Fail\.” The New York Times, November\. Verified\./);
});

it('makes two records for one key in two bibliographies, each linking to its own entry', () => {
	const other = path.join(mkdtempSync(path.join(tmpdir(), 'sourced-')), 'other.bib');
	copyFileSync(MAIN, other);
	const records = sourceRecords(
		citedSources(
			[
				brief('a', 'A', '2026-01-01', [use('klein2020', 'X ¶1')]),
				brief('b', 'B', '2026-01-01', [use('klein2020', 'Y ¶1')], { bibliography: other }),
			],
			ctx,
		),
		config,
	);
	expect(records.map((r) => r.url)).toEqual(['/references/#source-klein2020', '/references/#source-klein2020~~other']);
});
