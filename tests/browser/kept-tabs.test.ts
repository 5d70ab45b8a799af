import { expect, it } from 'vitest';
import { useSite } from './setup.ts';

/**
 * The worker's kept tabs (site.page() in setup.ts): a tab handed to the next
 * test is the same tab, put back as new; one a test changed for good is not
 * handed on. A tab's main frame tells which tab it is, and its history that
 * it was used before (the pages of the tests before it and the blank page
 * between them). Other files' tabs may be waiting in the same worker too.
 */
const site = useSite();
type Tab = Awaited<ReturnType<typeof site.page>>;
/** The main frame of the tab each test had, by test: the same object for the same tab. */
const frames: ReturnType<Tab['mainFrame']>[] = [];
const BRIEF = '/briefs/internet-plus/';
const history = (page: Tab) => page.evaluate(() => history.length);

it('leaves a choice in the site’s storage and a pointer over the page', async () => {
	const page = await site.page({ viewport: { width: 1600, height: 900 } });
	await page.goto(site.url + BRIEF);
	await page.evaluate(() => localStorage.setItem('theme', 'dark'));
	await page.mouse.move(400, 400);
	frames.push(page.mainFrame());
});

it('gets that tab back as new: its storage empty, the theme the system’s, the default window', async () => {
	const page = await site.page();
	expect(page.mainFrame()).toBe(frames[0]);
	await page.goto(site.url + BRIEF);
	expect(await history(page)).toBeGreaterThan(2);
	expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
	expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeFalsy();
	expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
	// A listener cannot be taken off by the next test: this tab is not handed on.
	page.on('console', () => {});
	frames.push(page.mainFrame());
});

it('gets another tab after one that was changed for good, which is closed', async () => {
	const page = await site.page();
	expect(page.mainFrame()).not.toBe(frames[1]);
	expect(frames[1]?.page().isClosed()).toBe(true);
});
