import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './setup.ts';

const site = useSite();
// The combined fixture has more briefs than the home page lists: it has a second page of briefs.
const fixture = useSite('combined');

/**
 * One page of each template the site has, in each colour scheme: the same
 * template over other content is the same markup (a brief's own widgets, its
 * previews and figures, are checked where they are tested).
 */
const TEMPLATES = {
	home: '/',
	brief: '/briefs/internet-plus/',
	references: '/references/',
	source: '/references/klein2020/',
	search: '/search/',
	'404': '/404.html',
};

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
	it.each(Object.entries(TEMPLATES))('%s (%s) has no violations', async (_, url) => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + url);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('a second page of briefs has no violations', async () => {
		const page = await (await fixture.context({ colorScheme })).newPage();
		await page.goto(fixture.url + '/page/2/');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('search with results shown has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/search/?q=payments');
		await page.locator('.search-results a').first().waitFor({ timeout: 10_000 });
		expect(await axeViolations(page)).toEqual([]);
	});

	it('the search dialog with results open has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/briefs/internet-plus/');
		await page.locator('#site-search-q').click();
		await page.locator('dialog.search-dialog[open] input[type="search"]').pressSequentially('Klein');
		await page.locator('dialog.search-dialog .search-results a').first().waitFor({ timeout: 10_000 });
		expect(await axeViolations(page)).toEqual([]);
	});
});
