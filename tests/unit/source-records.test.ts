import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, it } from 'vitest';
import { sourceRecord } from '../../src/integrations/source-records.ts';

const li = fromHtml(
	`<li id="bib-klein2020" class="reference" data-key="klein2020">
<div class="csl-entry">Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.</div>
<p class="verification"><span class="status status-verified">Verified</span> <span class="verification-note">Name misspelt in the original.</span></p>
<p class="cited-in">Cited in: <a href="#digital-payments-p1">Digital payments ¶1</a></p>
</li>`,
	{ fragment: true },
).children.find((n): n is Element => n.type === 'element')!;

it('makes a reference entry a search record of its own, linking to the entry', () => {
	expect(sourceRecord(li, { url: '/briefs/a/', title: 'A brief', topics: ['China', 'fintech'] })).toEqual({
		url: '/briefs/a/#bib-klein2020',
		content:
			'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution. Verified. Name misspelt in the original. Cited in: Digital payments ¶1',
		language: 'en',
		meta: { title: 'Klein, Aaron. 2020. “China’s Digital Payments Revolution.” Report. Brookings Institution.', status: 'Verified', brief: 'A brief' },
		filters: { type: ['Sources'], brief: ['A brief'], topic: ['China', 'fintech'], status: ['Verified'] },
	});
});
