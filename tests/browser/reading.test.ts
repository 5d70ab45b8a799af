import { expect, it } from 'vitest';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

it('renders the brief with its sections and references', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	expect(await page.locator('h1').innerText()).toMatch(/Internet Plus/);
	expect(await page.locator('.prose h2').count()).toBeGreaterThanOrEqual(12);
	expect(await page.locator('#references').isVisible()).toBe(true);
	expect(await page.locator('.reference').count()).toBeGreaterThanOrEqual(8);
});

it('follows a citation link to its reference entry', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	const citation = page.locator('#digital-payments-p1 a[href="#bib-klein2020"]').first();
	await citation.click();
	await page.waitForURL(/#bib-klein2020$/);
	const entry = page.locator('#bib-klein2020');
	await expect.poll(() => entry.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
	expect(await entry.innerText()).toContain('Klein, Aaron');
});

it('reads with JavaScript off: text, contents, citations and references', async () => {
	const page = await site.page({ javaScriptEnabled: false });
	await page.goto(site.url + BRIEF);
	await page.locator('nav.toc a[href="#digital-payments"]').click();
	await page.waitForURL(/#digital-payments$/);
	expect(await page.locator('#digital-payments').isVisible()).toBe(true);
	expect(await page.locator('.status').first().innerText()).toMatch(/Verified|Likely|Unverified/);
});

it('moves focus to the article with the skip link', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
	await page.keyboard.press('Enter');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
});
