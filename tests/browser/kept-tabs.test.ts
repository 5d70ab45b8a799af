import { expect, it } from 'vitest';
import { useSite } from './setup.ts';

/**
 * The worker's kept tabs (site.page() in setup.ts): a tab handed to the next
 * test is the same tab, put back as new; one a test changed for good is not
 * handed on. A tab's history tells which: a kept tab has the pages of the
 * tests before it (and the blank page between them), a new one only its own.
 */
const site = useSite();
const BRIEF = '/briefs/internet-plus/';
const history = (page: Awaited<ReturnType<typeof site.page>>) => page.evaluate(() => history.length);

it('leaves a choice in the site’s storage and a pointer over the page', async () => {
	const page = await site.page({ viewport: { width: 1600, height: 900 } });
	await page.goto(site.url + BRIEF);
	await page.evaluate(() => localStorage.setItem('theme', 'dark'));
	await page.mouse.move(400, 400);
});

it('gets that tab back as new: its storage empty, the theme the system’s, the default window', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	expect(await history(page)).toBeGreaterThan(2);
	expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
	expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeFalsy();
	expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
	// A listener cannot be taken off by the next test: this tab is not handed on.
	page.on('console', () => {});
});

it('gets a new tab after one that was changed for good', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	expect(await history(page)).toBeLessThanOrEqual(2);
});
