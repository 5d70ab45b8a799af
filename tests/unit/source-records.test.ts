import { expect, it } from 'vitest';
import { sourceRecords } from '../../src/integrations/source-records.ts';

const html = `<!doctype html><html lang="en"><body><article data-pagefind-body>
<span data-pagefind-filter="type:Sections"></span><span data-pagefind-filter="topic:China"></span><span data-pagefind-filter="topic:fintech"></span>
<h1>A brief</h1>
<section class="references"><ul><li id="bib-klein2020" class="reference" data-key="klein2020">
<div class="csl-entry">Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.</div>
<p class="verification"><span class="status status-verified">Verified</span> <span class="verification-note">Name misspelt in the original.</span></p>
<p class="cited-in">Cited in: <a href="#digital-payments-p1">Digital payments ¶1</a></p>
</li></ul></section></article></body></html>`;

it('makes one search record per reference, linking to its entry', () => {
	expect(sourceRecords(html, '/briefs/a/')).toEqual([
		{
			url: '/briefs/a/#bib-klein2020',
			content:
				'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution. Verified. Name misspelt in the original. Cited in: Digital payments ¶1',
			language: 'en',
			meta: { title: 'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.', status: 'Verified', brief: 'A brief' },
			filters: { type: ['Sources'], brief: ['A brief'], topic: ['China', 'fintech'], status: ['Verified'] },
		},
	]);
});

it('makes none for a page without references', () => {
	expect(sourceRecords('<html lang="en"><h1>Home</h1></html>', '/')).toEqual([]);
});
