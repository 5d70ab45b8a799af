import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, it } from 'vitest';
import { CITING_BRIEFS_IN_RECORD, citedSource, sourceRecords } from '../../src/integrations/source-records.ts';

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
		citedSource(li('<a href="#digital-payments-p1">Digital payments ¶1</a>'), { title: 'A brief', topics: ['China', 'fintech'] }),
		citedSource(li('<a href="#intro-p1">Introduction ¶1</a>'), { title: 'Another brief', topics: ['fintech'] }),
	]);
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

it('names at most a few citing briefs, so that a source cited across a large site stays a small record', () => {
	const titles = Array.from({ length: 3000 }, (_, i) => `Brief ${String(i + 1).padStart(4, '0')}`);
	const [record] = sourceRecords(titles.map((title) => citedSource(li('<a href="#regulation-p1">Regulation and sandboxes ¶1</a>'), { title, topics: ['fintech'] })));
	expect(record!.content).toContain('Brief 0001. Cited in: Regulation and sandboxes ¶1');
	expect(record!.content).toContain(`Brief 000${CITING_BRIEFS_IN_RECORD}.`);
	expect(record!.content).not.toContain(`Brief 000${CITING_BRIEFS_IN_RECORD + 1}.`);
	expect(record!.content).toMatch(new RegExp(`Also cited in ${(3000 - CITING_BRIEFS_IN_RECORD).toLocaleString('en')} more briefs\\.$`));
	expect(record!.content.length).toBeLessThan(1000);
	// Every citing brief can still be chosen in the brief filter.
	expect(record!.filters['brief']).toHaveLength(3000);
});
