import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, it } from 'vitest';
import { parseBibtex } from '../../src/bibliography/parse-bibtex.ts';
import { citedSource, shortTitle, sourceRecords } from '../../src/integrations/source-records.ts';
import { resolveCitationSettings } from '../../src/plugins/citation-options.ts';
import { config } from './process.ts';

/** The site's bibliography, whose keys name sources as they are. */
const MAIN = resolveCitationSettings({}, config).bibliography;

const li = (citedIn: string) =>
	fromHtml(
		`<li id="bib-klein2020" class="reference" data-key="klein2020">
<div class="csl-entry">Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.</div>
<p class="verification"><span class="status status-verified">Verified</span> <span class="verification-note">Name misspelt in the original.</span></p>
<p class="cited-in">Cited in: ${citedIn}</p>
</li>`,
		{ fragment: true },
	).children.find((n): n is Element => n.type === 'element')!;

it('makes one search record per source, however many briefs cite it, linking to its entry on the references page', () => {
	const records = sourceRecords([
		citedSource(li('<a href="#digital-payments-p1">Digital payments ¶1</a>'), { slug: 'a-brief', title: 'A brief', topics: ['China', 'fintech'], published: '2026-11-29' }, MAIN),
		citedSource(li('<a href="#intro-p1">Introduction ¶1</a>'), { slug: 'another-brief', title: 'Another brief', topics: ['fintech'], published: '2026-10-01' }, MAIN),
	], config);
	expect(records).toEqual([
		{
			url: '/references/#source-klein2020',
			content:
				'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution. Verified. Name misspelt in the original. A brief. Cited in: Digital payments ¶1 Another brief. Cited in: Introduction ¶1',
			language: 'en',
			meta: { title: 'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.', status: 'Verified' },
			filters: { type: ['Sources'], brief: ['A brief', 'Another brief'], topic: ['China', 'fintech'], status: ['Verified'] },
		},
	]);
});

it('names the newest few citing briefs, as the references page does, so that a source cited across a large site stays a small record', () => {
	const n = config.site.citingBriefsListed;
	const briefs = Array.from({ length: 3000 }, (_, i) => ({ slug: `brief-${i}`, title: `Brief ${i}`, topics: ['fintech'], published: new Date(Date.UTC(2018, 0, 1 + i)).toISOString() }));
	const [record] = sourceRecords(briefs.map((brief) => citedSource(li('<a href="#regulation-p1">Regulation and sandboxes ¶1</a>'), brief, MAIN)), config);
	// Newest first (brief 2999, 2998, …), as on the references page.
	const newest = [...briefs].sort((a, b) => b.published.localeCompare(a.published)).slice(0, n + 1);
	for (const brief of newest.slice(0, n)) expect(record!.content).toContain(`${brief.title}. Cited in: Regulation and sandboxes ¶1`);
	expect(record!.content).not.toContain(`${newest[n]!.title}.`);
	expect(record!.content).toMatch(new RegExp(`Also cited in ${(3000 - n).toLocaleString('en')} more briefs\\.$`));
	expect(record!.content.length).toBeLessThan(1000);
	// Every citing brief can still be chosen in the brief filter.
	expect(record!.filters['brief']).toHaveLength(3000);
});

it('counts briefs, not titles, when saying how many more cite a source', () => {
	const briefs = Array.from({ length: config.site.citingBriefsListed + 2 }, (_, i) => ({ slug: `b${i}`, title: i < 2 ? 'Same title' : `Brief ${i}`, topics: [], published: '2026-01-01T00:00:00.000Z' }));
	const [record] = sourceRecords(briefs.map((brief) => citedSource(li('<a href="#x-p1">X ¶1</a>'), brief, MAIN)), config);
	expect(record!.content).toMatch(/Also cited in 2 more briefs\.$/);
});

it('gives a source a short title line for its search result: who, when and what', () => {
	const [one, two, many, body, untitled] = parseBibtex(`
@report{a, author = {Klein, Aaron}, title = {{China's} Digital Payments Revolution}, year = {2020}}
@book{b, editor = {Gordon, David and Nouwens, Meia}, title = {The Digital Silk Road}, year = {2023}}
@report{c, author = {Lee, Sanghun and Kim, Hongwon and Choi, Jaehee}, title = {A Study}, year = {2018}}
@misc{d, author = {{McKinsey Global Institute}}, title = {A Force}, year = {2017}}
@misc{e, author = {Attrey, Angela}, year = {2020}}`);
	expect(shortTitle(one!)).toBe('Klein 2020. China’s Digital Payments Revolution');
	expect(shortTitle(two!)).toBe('Gordon and Nouwens 2023. The Digital Silk Road');
	expect(shortTitle(many!)).toBe('Lee et al. 2018. A Study');
	expect(shortTitle(body!)).toBe('McKinsey Global Institute 2017. A Force');
	expect(shortTitle(untitled!)).toBe('Attrey 2020');
});

it('keeps the address out of a source record, so that its excerpt is a line of text', () => {
	const withUrl = fromHtml(
		'<li class="reference" data-key="pan2018"><div class="csl-entry">Pan, Philip P. 2018. “The Land That Failed to Fail.” <i>The New York Times</i>. https://www.nytimes.com/x.html.</div></li>',
		{ fragment: true },
	).children.find((n): n is Element => n.type === 'element')!;
	const [record] = sourceRecords([citedSource(withUrl, { slug: 'a', title: 'A', topics: [], published: '2026-01-01' }, MAIN)], config);
	expect(record!.content).not.toMatch(/https?:/);
	expect(record!.content).toMatch(/^Pan, Philip P\. 2018\. “The Land That Failed to Fail\.” The New York Times\./);
});

it('makes two records for one key in two bibliographies, each linking to its own entry', () => {
	const brief = { slug: 'a', title: 'A', topics: [], published: '2026-01-01' };
	const other = MAIN.replace(/[^/]+$/, 'other.bib');
	const records = sourceRecords([citedSource(li('X ¶1'), brief, MAIN), citedSource(li('Y ¶1'), brief, other)], config);
	expect(records.map((r) => r.url)).toEqual(['/references/#source-klein2020', '/references/#source-klein2020~~other']);
});
