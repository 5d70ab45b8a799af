import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeInBothSchemes } from './axe.ts';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/figures/';
const fixture = useSite('combined');
const site = useSite();

/** Whether the element shows the landing mark: the accent bar and tint of `:target` (styles/global.css), which stay. */
const landingMark = (target: Locator) => target.evaluate((el) => el.matches(':target') && getComputedStyle(el).boxShadow !== 'none');

/** Whether the page itself scrolls sideways. */
const pageScrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('figures and tables (fixture "combined", briefs/figures.mdx)', () => {
	it('lands on a table by its id, in view and with the landing mark', async () => {
		const page = await fixture.page();
		await page.goto(fixture.url + BRIEF + '#tbl-wide');
		const table = page.locator('#tbl-wide');
		const box = await table.boundingBox();
		expect(box!.y).toBeGreaterThan(0);
		expect(box!.y).toBeLessThan(60);
		expect(await landingMark(table)).toBe(true);
	});

	it('follows a cross-reference to its figure', async () => {
		const page = await fixture.page();
		await page.goto(fixture.url + BRIEF);
		await page.locator('a.xref', { hasText: 'Figure 1' }).click();
		await page.waitForURL(/#fig-rising$/);
		expect(await landingMark(page.locator('#fig-rising'))).toBe(true);
	});

	it('scales a figure to the column and opens it at full size, with JavaScript off', async () => {
		const page = await fixture.page({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
		await page.goto(fixture.url + BRIEF);
		const img = page.locator('#fig-rising img');
		await img.scrollIntoViewIfNeeded();
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
		const shown = await img.boundingBox();
		const column = await page.locator('.prose').boundingBox();
		expect(shown!.width).toBeLessThanOrEqual(column!.width);
		expect(shown!.width).toBeLessThan(1600);
		await img.click();
		await page.waitForURL(/\/_astro\/rising-bars\.[\w-]+\.png$/);
		expect(await page.evaluate(() => [document.images[0]?.naturalWidth, document.images[0]?.naturalHeight])).toEqual([1600, 800]);
	});

	it('on a 320 px phone, a wide table scrolls in its own box, by keyboard too, and the page never scrolls sideways', async () => {
		const page = await fixture.page({ viewport: { width: 320, height: 640 } });
		await page.goto(fixture.url + BRIEF);
		expect(await pageScrollsSideways(page)).toBe(false);
		const box = page.locator('.table-scroll:has(#tbl-wide)');
		expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await box.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		expect(await pageScrollsSideways(page)).toBe(false);
	});

	it.each([
		['steps', '#fig-rising'],
		['counts by year', '#tbl-counts'],
	])('a search for "%s", words of a caption, lands on %s', async (query, id) => {
		const page = await fixture.page();
		await page.goto(fixture.url + '/search/?q=' + encodeURIComponent(query));
		const result = page.locator(`.search-results a[href$="${id}"]`).first();
		await result.waitFor({ timeout: 10_000 });
		await result.click();
		await page.waitForURL(new RegExp(`${id}$`));
		expect(await landingMark(page.locator(id))).toBe(true);
	});

	it('has no axe violations, light and dark', async () => {
		const page = await fixture.page();
		await page.goto(fixture.url + BRIEF);
		expect(await axeInBothSchemes(page)).toEqual({ light: [], dark: [] });
	});
});

describe('the Internet Plus brief’s table of claims', () => {
	it('scrolls in its own box on a 320 px phone; the page does not', async () => {
		const page = await site.page({ viewport: { width: 320, height: 640 } });
		await page.goto(site.url + '/briefs/internet-plus/#tbl-claims');
		expect(await pageScrollsSideways(page)).toBe(false);
		expect(await landingMark(page.locator('#tbl-claims'))).toBe(true);
	});
});
