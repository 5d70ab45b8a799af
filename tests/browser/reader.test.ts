import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

/** What has focus, as a reader would name it. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement!;
		return {
			key: `${el.tagName} ${el.getAttribute('href') ?? el.getAttribute('aria-label') ?? el.textContent?.trim()}`,
			citation: el.closest('.citation') !== null,
			dialog: document.querySelector('dialog[open]') !== null,
			body: el === document.body,
		};
	});

it('walks the brief by Tab from the top: no dialog opens, the first citation comes early, and a shown preview adds no stop', async () => {
	const page = await site.page({ viewport: { width: 1280, height: 800 } });
	await page.goto(site.url + BRIEF);
	const stops: string[] = [];
	let firstCitation = 0;
	for (let i = 1; i <= 400; i++) {
		await page.keyboard.press('Tab');
		const now = await focused(page);
		expect(now.dialog, `a dialog opened at stop ${i} (${now.key})`).toBe(false);
		if (now.body || stops.includes(now.key + i)) break;
		if (now.citation && !firstCitation) firstCitation = i;
		stops.push(now.key);
	}
	expect(firstCitation).toBeGreaterThan(0);
	expect(firstCitation).toBeLessThanOrEqual(30);
	// The 205 stops of the first audit included a link and a button in every heading and a button in every block:
	// now every stop is a link the text holds (citations, notes, cross-references), a scrollable table, or one of
	// the two tools beside each section heading, and no block has one of its own.
	const headings = await page.locator('.section-head').count();
	const tools = stops.filter((s) => /^BUTTON (Copy link|Cite)/.test(s));
	expect(tools.length, tools.join('\n')).toBeLessThanOrEqual(2 * headings);
	expect(stops.filter((s) => s.startsWith('SUMMARY Contents'))).toEqual([]);

	// Resting on a citation until its preview shows changes nothing: Tab goes on where it would have.
	const at = stops.findIndex((s) => s.endsWith('#bib-klein2020'));
	const citation = page.locator('a[href="#bib-klein2020"]').first();
	await citation.focus();
	await page.locator('#preview-klein2020').waitFor({ state: 'visible' });
	await page.keyboard.press('Tab');
	expect((await focused(page)).key).toBe(stops[at + 1]);
});

it('lets a keyboard reader copy a link to any paragraph: one toggle in the "Keyboard" help, announced, adds the blocks\' buttons to the Tab order', async () => {
	const context = await site.context({ viewport: { width: 1280, height: 800 } });
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
	const page = await context.newPage();
	await page.goto(site.url + BRIEF);
	// By Tab alone: the help is one stop, before the first citation.
	let stop = 0;
	while ((await focused(page)).key !== 'SUMMARY Keyboard') {
		await page.keyboard.press('Tab');
		expect(++stop, 'the "Keyboard" help comes within 30 stops').toBeLessThanOrEqual(30);
	}
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	const toggle = page.getByRole('button', { name: 'Paragraph links in the Tab order' });
	expect(await toggle.getAttribute('aria-pressed')).toBe('false');
	expect((await focused(page)).key).toBe('BUTTON Paragraph links in the Tab order');
	await page.keyboard.press('Space');
	await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
	await expect.poll(() => page.getByRole('status').innerText()).toBe('A “Copy link” button before each paragraph is now in the Tab order');
	// The next stop is the first paragraph's button, in view; Enter copies its address, and the toast says so.
	await page.keyboard.press('Tab');
	const first = await page.locator('.prose .copy-link').first().getAttribute('data-copy');
	expect((await focused(page)).key).toMatch(/^BUTTON Copy link to .*¶1$/);
	expect(await page.evaluate(() => getComputedStyle(document.activeElement!).opacity)).toBe('1');
	await page.keyboard.press('Enter');
	await expect.poll(() => page.getByRole('status').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}${first}`);
	expect(await axeViolations(page)).toEqual([]);
	// Off again: the blocks' buttons leave the Tab order.
	await toggle.click();
	await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
	expect(await page.locator('.prose p > .copy-link[tabindex="0"]').count()).toBe(0);
});

it('names each heading by its text alone, with one copy-link button beside it', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	await expect.poll(() => page.getByRole('heading', { name: 'Key findings', exact: true }).count()).toBe(1);
	expect(await page.locator('#key-findings a').count()).toBe(0);
	expect(await page.getByRole('button', { name: 'Copy link to section Key findings' }).count()).toBe(1);
	expect(await page.getByRole('heading', { name: 'References', exact: true }).count()).toBe(1);
});

it('names the theme toggle by the state it shows, and its first click changes the page', async () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		const page = await site.page({ colorScheme });
		await page.goto(site.url + BRIEF);
		const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const before = await bg();
		const toggle = page.getByRole('button', { name: 'Theme: Auto' });
		expect(await toggle.innerText()).toMatch(/Auto$/);
		await toggle.click();
		await expect.poll(bg).not.toBe(before);
		const shown = colorScheme === 'light' ? 'Dark' : 'Light';
		expect(await page.getByRole('button', { name: `Theme: ${shown}` }).innerText()).toMatch(new RegExp(`${shown}$`));
	}
});

it('opens a citation\'s preview on a tap, with "Go to the reference entry" inside, which lands on the entry', async () => {
	const context = await site.context({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	await page.goto(site.url + BRIEF);
	const citation = page.locator('#digital-payments-p1 a[href="#bib-klein2020"]').first();
	await citation.scrollIntoViewIfNeeded();
	await citation.tap();
	const preview = page.locator('#preview-klein2020');
	await preview.waitFor({ state: 'visible' });
	expect(page.url()).toBe(site.url + BRIEF);
	const [c, p] = await Promise.all([citation.boundingBox(), preview.boundingBox()]);
	expect(p!.x).toBeGreaterThanOrEqual(0);
	expect(p!.x + p!.width).toBeLessThanOrEqual(390);
	expect(p!.y >= c!.y + c!.height - 1 || p!.y + p!.height <= c!.y + 1).toBe(true);
	await preview.getByRole('link', { name: 'Go to the reference entry' }).tap();
	await page.waitForURL(/#bib-klein2020$/);
	await preview.waitFor({ state: 'hidden' });
	const entry = await page.locator('#bib-klein2020').boundingBox();
	expect(entry!.y).toBeGreaterThanOrEqual(0);
	expect(entry!.y).toBeLessThan(200);
	// Copy-link buttons are there to see beside headings, and absent from blocks, where a tap would copy unseen.
	expect(await page.locator('#digital-payments-p1 > .copy-link').isVisible()).toBe(false);
	await page.locator('.section-head:has(#digital-payments) > .copy-link').scrollIntoViewIfNeeded();
	expect(await page.locator('.section-head:has(#digital-payments) > .copy-link').evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
});

it('never scrolls sideways on a 320 or 390 pixel phone, on any page', async () => {
	for (const width of [320, 390]) {
		const page = await site.page({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
		for (const url of ['/', BRIEF, '/references/', '/references/klein2020/', '/search/', '/search/?q=sandbox', '/no-such-page/']) {
			await page.goto(site.url + url);
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth,
			}));
			expect(scrollWidth, `${url} at ${width} px`).toBeLessThanOrEqual(clientWidth);
		}
		// Opening a section's citation keeps it inside the page too.
		await page.goto(site.url + BRIEF);
		await page.locator('.section-head:has(#digital-payments) summary').click();
		await page.locator('#cite-section-digital-payments').waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
	}
});

it('fits the phone header in two rows, and keeps the contents at hand mid-page', async () => {
	const page = await site.page({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	await page.goto(site.url + BRIEF);
	const rows = await page
		.locator('.site-header > *')
		.evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top / 10))).size);
	expect(rows).toBeLessThanOrEqual(2);
	await page.locator('#digital-payments').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 80));
	const bar = page.locator('.toc summary');
	await expect.poll(() => page.locator('.toc-current').innerText()).toBe('Digital payments');
	expect((await bar.boundingBox())!.y).toBeLessThan(5);
	await bar.click();
	await page.locator('.toc a[href="#references"]').click();
	await page.waitForURL(/#references$/);
	await expect.poll(() => page.locator('.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
	const heading = await page.locator('#references').boundingBox();
	expect(heading!.y).toBeGreaterThan((await bar.boundingBox())!.height - 1);
});

/** The section the contents mark, or null (a locator would wait for one, and outlast the poll). */
const marked = (page: Page) => page.evaluate(() => document.querySelector('.toc a[aria-current]')?.textContent ?? null);

it('marks the section jumped to in the contents, and lists the References', async () => {
	const page = await site.page({ viewport: { width: 1280, height: 800 } });
	await page.goto(site.url + BRIEF + '#fintech-p2');
	await expect.poll(() => marked(page)).toBe('Fintech');
	await page.locator('.toc a[href="#references"]').click();
	await expect.poll(() => marked(page)).toBe('References');
	// Where notes sit in the margin, the contents do not offer a "Notes" that would land on the References.
	const wide = await site.page({ viewport: { width: 1600, height: 900 } });
	await wide.goto(site.url + BRIEF + '#what-the-evidence-does-not-show-p1');
	expect(await wide.locator('.toc a[href="#footnote-label"]').isVisible()).toBe(false);
	await expect.poll(() => marked(wide)).toBe('What the evidence does not show');
});

/** WCAG relative luminance contrast of two `rgb()` colours. */
function contrast(a: string, b: string): number {
	const lum = (c: string) => {
		const [r, g, bl] = c
			.match(/[\d.]+/g)!
			.slice(0, 3)
			.map((v) => {
				const s = Number(v) / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

it('keeps the landing mark, with at least 3:1 against the page, light and dark', async () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		const page = await site.page({ colorScheme });
		await page.goto(site.url + BRIEF + '#regulation-and-sandboxes-p2');
		const target = page.locator('#regulation-and-sandboxes-p2');
		// Nothing animates it away: what is computed now is what stays (the first audit saw it fade after 3 s).
		expect(await target.evaluate((el) => el.getAnimations().length)).toBe(0);
		const { shadow, page: bg } = await target.evaluate((el) => ({
			shadow: getComputedStyle(el).boxShadow,
			page: getComputedStyle(document.body).backgroundColor,
		}));
		const bar = shadow.match(/rgba?\([^)]*\)/)![0];
		expect(contrast(bar, bg)).toBeGreaterThanOrEqual(3);
	}
});

it('links the addresses on /references/, each entry to its own page, and explains the statuses there and in the brief', async () => {
	const page = await site.page();
	await page.goto(site.url + '/references/');
	expect(await page.locator('#source-pan2018 .csl-entry a[href^="https://www.nytimes.com/"]').count()).toBe(1);
	await page.locator('#source-klein2020 a[href="/references/klein2020/"]').click();
	await page.waitForURL(/\/references\/klein2020\/$/);
	for (const url of ['/references/', BRIEF]) {
		await page.goto(site.url + url);
		const legend = page.locator('.status-legend').first();
		expect(await legend.locator('dt').allInnerTexts()).toEqual(
			['✓Verified', '?Likely, not confirmed', '!Unverified', '–Not yet checked'].map((s): unknown => expect.stringContaining(s.slice(1))),
		);
		expect(await legend.innerText()).toMatch(/not a verdict on its own claims/);
	}
});
