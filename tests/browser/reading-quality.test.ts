import { expect, it } from 'vitest';
import { axeInBothSchemes } from './axe.ts';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

it('remembers the theme chosen with the button, applied before the first paint', async () => {
	const context = await site.context({ colorScheme: 'light' });
	const page = await context.newPage();
	await page.goto(site.url + BRIEF);
	const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await bg();
	await page.locator('.theme-toggle').click(); // system (light) → dark: the first click changes the page
	await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
	expect(await bg()).not.toBe(light);
	// The toast names the state as the button does, in the same words.
	expect(await page.locator('#toast').innerText()).toBe('Theme: Dark');
	expect(await page.getByRole('button', { name: 'Theme: Dark' }).count()).toBe(1);
	// On the next page the choice is on <html>, set by the inline script in <head> before the first paint: with every
	// module of the site refused, nothing loaded later could have set it.
	await page.route('**/_s/**', (route) => route.abort());
	await page.goto(site.url + '/');
	expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
});

it('marks the section being read in the contents as the reader scrolls', async () => {
	const page = await site.page({ viewport: { width: 1280, height: 800 } });
	await page.goto(site.url + BRIEF);
	await page.locator('#digital-payments').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 10));
	await expect.poll(() => page.locator('.toc a[aria-current]').innerText()).toBe('Digital payments');
	await page.locator('#solar-pv').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 10));
	await expect.poll(() => page.locator('.toc a[aria-current]').innerText()).toBe('Solar PV');
});

it('shows notes in the margin beside their reference on a wide screen, and at the end on a phone', async () => {
	const wide = await site.page({ viewport: { width: 1600, height: 900 } });
	await wide.goto(site.url + BRIEF);
	const [ref, note, text] = await Promise.all([
		wide.locator('#fnref-fintech').boundingBox(),
		wide.locator('#fn-fintech').boundingBox(),
		wide.locator('#fintech-p1').boundingBox(),
	]);
	expect(Math.abs(note!.y - ref!.y)).toBeLessThan(40);
	expect(note!.x).toBeGreaterThan(text!.x + text!.width);

	const phone = await site.page({ viewport: { width: 390, height: 844 } });
	await phone.goto(site.url + BRIEF);
	const [pref, pnote] = await Promise.all([phone.locator('#fnref-fintech').boundingBox(), phone.locator('#fn-fintech').boundingBox()]);
	expect(pnote!.y).toBeGreaterThan(pref!.y + 2000);
});

it('collapses the contents on a phone, and has no axe violations with them open, light and dark', async () => {
	const page = await site.page({ viewport: { width: 390, height: 844 } });
	await page.goto(site.url + BRIEF);
	expect(await page.locator('.toc a[href="#fintech"]').isVisible()).toBe(false);
	await page.locator('.toc summary').click();
	expect(await page.locator('.toc a[href="#fintech"]').isVisible()).toBe(true);
	expect(await axeInBothSchemes(page)).toEqual({ light: [], dark: [] });
});

it('reads without JavaScript: contents beside the text, notes, citations, references, anchors, dark by system setting', async () => {
	const page = await site.page({ javaScriptEnabled: false, colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
	await page.goto(site.url + BRIEF + '#regulation-and-sandboxes-p2');
	expect(await page.locator('.toc a[href="#fintech"]').isVisible()).toBe(true);
	const box = await page.locator('#regulation-and-sandboxes-p2').boundingBox();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(60);
	expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 23, 26)');
	await page.locator('#fnref-fintech').click();
	await page.waitForURL(/#fn-fintech$/);
	await page.locator('#bib-zhou2022 .cited-in a').first().click();
	await page.waitForURL(/#[a-z-]+-(p|li)\d+$/);
	expect(await page.locator('.copy-link').first().isVisible()).toBe(false); // disabled controls stay hidden
});

it('prints a clean document: no navigation or buttons, notes and references kept, link addresses shown', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	await page.emulateMedia({ media: 'print' });
	for (const hidden of ['.site-header', '.toc', '.cite-this', '.copy-link', '.cite-section']) {
		expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
	}
	expect(await page.locator('.footnotes').isVisible()).toBe(true);
	expect(await page.locator('.references').isVisible()).toBe(true);
	const after = await page.locator('#bib-pan2018 .csl-entry a').evaluate((a) => getComputedStyle(a, '::after').content);
	expect(after).toBe('none'); // the address is already the link text in a reference
	const pdf = await page.pdf();
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

it('runs search under the Content-Security-Policy without a violation', async () => {
	const page = await site.page();
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
	});
	await page.goto(site.url + BRIEF);
	await page.locator('#site-search-q').click();
	await page.locator('dialog.search-dialog[open] input[type="search"]').pressSequentially('sandbox');
	await page.locator('dialog.search-dialog .search-results a').first().waitFor({ timeout: 10_000 });
	expect(violations).toEqual([]);
});
