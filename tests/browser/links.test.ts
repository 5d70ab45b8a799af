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
	const page = await (await site.context()).newPage();
	await page.goto(site.url + BRIEF + '#regulation-and-sandboxes-p2');
	const target = page.locator('#regulation-and-sandboxes-p2');
	const box = await target.boundingBox();
	expect(box!.y).toBeGreaterThan(0);
	expect(box!.y).toBeLessThan(60);
	expect(await target.evaluate((el) => getComputedStyle(el).animationName)).toBe('target-flash');
});

it('reveals the copy-link button on keyboard focus, and copies the absolute address', async () => {
	const page = await withClipboard();
	await page.goto(site.url + BRIEF + '#fintech-p1');
	const button = page.locator('#fintech-p2 > button.copy-link');
	expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
	await page.keyboard.press('Tab'); // from the paragraph the fragment landed on, on to the next button
	await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-copy'))).toMatch(/^#fintech-p/);
	await button.focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Shift+Tab');
	expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
	expect(await button.getAttribute('aria-label')).toBe('Copy link to Fintech ¶2');
	await page.keyboard.press('Enter');
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}#fintech-p2`);
});

it('copies a heading link with its button; the heading itself is a link', async () => {
	const page = await withClipboard();
	await page.goto(site.url + BRIEF);
	expect(await page.locator('#fintech > a.heading-link').getAttribute('href')).toBe('#fintech');
	await page.locator('#fintech').hover();
	await page.locator('#fintech > button.copy-link').click();
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}#fintech`);
});

it('keeps the buttons out of copied article text', async () => {
	const page = await (await site.context()).newPage();
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

	const reader = await (await site.context()).newPage();
	await reader.goto(link);
	const box = await reader.locator('#digital-payments-p1').boundingBox();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(400);
});

it('lands a text-fragment link on its paragraph where the fragment cannot be followed', async () => {
	const page = await (await site.context()).newPage();
	// Not a text the page holds: the browser cannot highlight it, and the bootstrap scrolls to the anchor.
	await page.goto(site.url + BRIEF + '#solar-pv-p1:~:text=words%20that%20are%20not%20there');
	const box = await page.locator('#solar-pv-p1').boundingBox();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(300);
});
