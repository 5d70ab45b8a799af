import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

async function openPage(path: string): Promise<{ page: Page; pagefindRequests: string[] }> {
	const page = await (await site.context()).newPage();
	const pagefindRequests: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
	});
	await page.goto(site.url + path);
	return { page, pagefindRequests };
}

it('fetches nothing of search until the reader focuses the box', async () => {
	const { page, pagefindRequests } = await openPage(BRIEF);
	await page.waitForLoadState('networkidle');
	expect(pagefindRequests).toEqual([]);
	await page.locator('#site-search-q').focus();
	await expect.poll(() => pagefindRequests.length).toBeGreaterThan(0);
});

it('finds a word in one section and lands on that section', async () => {
	const { page } = await openPage(BRIEF);
	await page.locator('#site-search-q').click();
	const input = page.locator('pagefind-modal dialog[open] input');
	await input.waitFor();
	await input.pressSequentially('Alipay');
	const result = page.locator('pagefind-modal pagefind-results a[href*="#digital-payments"]').first();
	await result.waitFor({ timeout: 10_000 });
	await result.click();
	await page.waitForURL(/#digital-payments$/);
	const heading = page.locator('#digital-payments');
	await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
});

it('opens with the shortcut key "/"', async () => {
	const { page } = await openPage('/');
	await page.keyboard.press('/');
	const input = page.locator('pagefind-modal dialog[open] input');
	await input.waitFor();
	expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
});

it('runs the query in the address of the search page', async () => {
	const { page } = await openPage('/search/?q=sandbox');
	const result = page.locator('pagefind-results a[href*="/briefs/internet-plus/"]').first();
	await result.waitFor({ timeout: 10_000 });
	expect(await page.locator('pagefind-input input').inputValue()).toBe('sandbox');
});

it('submits the plain form to the search page without JavaScript', async () => {
	const page = await (await site.context({ javaScriptEnabled: false })).newPage();
	await page.goto(site.url + BRIEF);
	await page.locator('#site-search-q').fill('Alipay');
	await page.locator('#site-search-q').press('Enter');
	await page.waitForURL(/\/search\/\?q=Alipay$/);
	expect(await page.locator('main').innerText()).toMatch(/Search needs JavaScript/);
});
