import { expect, it } from 'vitest';
import { axeInBothSchemes } from './axe.ts';
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

const none = { light: [], dark: [] };

it.each(Object.entries(TEMPLATES))('%s (%s) has no violations, light and dark', async (_, url) => {
	const page = await site.page();
	await page.goto(site.url + url);
	expect(await axeInBothSchemes(page)).toEqual(none);
});

it('a second page of briefs has no violations, light and dark', async () => {
	const page = await fixture.page();
	await page.goto(fixture.url + '/page/2/');
	expect(await axeInBothSchemes(page)).toEqual(none);
});

it('search with results shown has no violations, light and dark', async () => {
	const page = await site.page();
	await page.goto(site.url + '/search/?q=payments');
	await page.locator('.search-results a').first().waitFor({ timeout: 10_000 });
	expect(await axeInBothSchemes(page)).toEqual(none);
});

it('the search dialog with results open has no violations, light and dark', async () => {
	const page = await site.page();
	await page.goto(site.url + '/briefs/internet-plus/');
	await page.locator('#site-search-q').click();
	await page.locator('dialog.search-dialog[open] input[type="search"]').pressSequentially('Klein');
	await page.locator('dialog.search-dialog .search-results a').first().waitFor({ timeout: 10_000 });
	expect(await axeInBothSchemes(page)).toEqual(none);
});
