import { expect, it } from 'vitest';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

async function withClipboard() {
	const context = await site.context();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
	return context.newPage();
}

it('lands on a paragraph id below the top of the window and highlights it', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF + '#regulation-and-sandboxes-p2');
	const target = page.locator('#regulation-and-sandboxes-p2');
	const box = await target.boundingBox();
	expect(box!.y).toBeGreaterThan(0);
	expect(box!.y).toBeLessThan(60);
	expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
});

it("shows a block's copy-link button on hover, keeps it out of the Tab order, and copies the absolute address", async () => {
	const page = await withClipboard();
	await page.goto(site.url + BRIEF + '#fintech-p1');
	const button = page.locator('#fintech-p2 > button.copy-link');
	expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
	expect(await button.getAttribute('tabindex')).toBe('-1');
	await page.keyboard.press('Tab'); // from the paragraph the fragment landed on, on to its next link, not a button
	await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('A');
	await page.locator('#fintech-p2').hover();
	expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
	expect(await button.getAttribute('aria-label')).toBe('Copy link to Fintech ¶2');
	await button.click();
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}#fintech-p2`);
});

it('copies a section link with the one button beside its heading, by keyboard', async () => {
	const page = await withClipboard();
	await page.goto(site.url + BRIEF + '#fintech');
	await page.keyboard.press('Tab'); // from the heading the fragment landed on, on to its button
	expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy link to section Fintech');
	await page.keyboard.press('Enter');
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}#fintech`);
	// "Cite this section" is beside it, and opens the section's citation on demand.
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cite this section');
	await page.keyboard.press('Enter');
	expect(await page.locator('#cite-section-fintech').innerText()).toMatch(/“Fintech\.” In China’s Internet Plus Strategy/);
});

it('keeps the buttons out of copied article text', async () => {
	const page = await site.page();
	await page.goto(site.url + BRIEF);
	const text = await page.locator('#fintech-p1').evaluate((el) => {
		getSelection()!.selectAllChildren(el);
		return String(getSelection());
	});
	expect(text.startsWith('Fintech')).toBe(true);
	expect(text).not.toMatch(/Copy link/);
});

it('offers a link to a selected quote that lands on and highlights the words', async () => {
	const page = await withClipboard();
	await page.goto(site.url + BRIEF);
	await page.locator('#digital-payments-p1').evaluate((p) => {
		const text = [...p.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('describes how two platforms'))!;
		const start = text.textContent!.indexOf('describes how two platforms');
		const range = document.createRange();
		range.setStart(text, start);
		range.setEnd(text, start + 'describes how two platforms'.length);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	});
	const offer = page.locator('button.quote-link');
	await offer.waitFor({ state: 'visible' });
	await offer.click();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(`${site.url}${BRIEF}#digital-payments-p1:~:text=describes%20how%20two%20platforms`);

	const reader = await site.page();
	await reader.goto(link);
	// The browser looks for the text once the page has loaded: awaited, not read at once.
	await expect.poll(async () => (await reader.locator('#digital-payments-p1').boundingBox())!.y).toBeLessThan(400);
	expect((await reader.locator('#digital-payments-p1').boundingBox())!.y).toBeGreaterThanOrEqual(0);
});

it('lands a text-fragment link on its paragraph where the fragment cannot be followed', async () => {
	const page = await site.page();
	// Not a text the page holds: the browser cannot highlight it, and the bootstrap scrolls to the anchor.
	await page.goto(site.url + BRIEF + '#solar-pv-p1:~:text=words%20that%20are%20not%20there');
	// The module that lands there loads after the page (scripts/page.ts): awaited, not read at once (one CI run read the page
	// before it had run).
	await expect.poll(async () => (await page.locator('#solar-pv-p1').boundingBox())!.y).toBeLessThan(300);
	expect((await page.locator('#solar-pv-p1').boundingBox())!.y).toBeGreaterThanOrEqual(0);
});
