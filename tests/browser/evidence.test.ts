import { expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const CITATION = '#cite-regulation-and-sandboxes-p1-mian';
const PASSAGE = '#passage-cite-regulation-and-sandboxes-p1-mian';
// The original article's words, as the brief quotes them where it corrects the regulator's name.
const WORDS =
	/“China’s public sector has been supporting innovation\. The Hong Kong China Monetary Authority \(HKMA\) launched FinTech Supervisor Sandbox \(FSS\) in 2016”/;
const site = useSite();

async function briefPage(options: Parameters<typeof site.context>[0] = {}) {
	const page = await site.page(options);
	await page.goto(site.url + BRIEF);
	return page;
}

it('shows the quoted passage when the citation is hovered', async () => {
	const page = await briefPage();
	const citation = page.locator(`${CITATION} a`);
	await citation.scrollIntoViewIfNeeded();
	await citation.hover();
	const preview = page.locator(PASSAGE);
	await preview.waitFor({ state: 'visible' });
	expect(await preview.locator('blockquote.passage').innerText()).toMatch(WORDS);
	expect(await preview.locator('.csl-entry').innerText()).toMatch(/^Mian, Nasruminallah\./);
});

it('shows the quoted passage when the citation gets keyboard focus, and Esc closes it', async () => {
	const page = await briefPage();
	await page.locator(`${CITATION} a`).focus();
	const preview = page.locator(PASSAGE);
	await preview.waitFor({ state: 'visible' });
	expect(await preview.innerText()).toMatch(WORDS);
	await page.keyboard.press('Escape');
	await preview.waitFor({ state: 'hidden' });
});

it('shows the quoted passage on a tap of the quotation mark after the citation, on a touch screen', async () => {
	const page = await briefPage({ hasTouch: true, viewport: { width: 390, height: 800 } });
	const button = page.locator(`${CITATION} + button.passage-button`);
	expect(await button.getAttribute('aria-label')).toBe('Show the passage quoted from Mian, n.d.');
	await button.scrollIntoViewIfNeeded();
	await button.tap();
	const preview = page.locator(PASSAGE);
	await preview.waitFor({ state: 'visible' });
	expect(await preview.innerText()).toMatch(WORDS);
	const box = await preview.boundingBox();
	expect(box!.x).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

it('shows the passages under the reference without any preview', async () => {
	const page = await briefPage();
	await page.goto(site.url + BRIEF + '#bib-mian');
	expect(await page.locator('#bib-mian .passages').innerText()).toMatch(WORDS);
});

it('has no axe violations with a passage open', async () => {
	const page = await briefPage();
	await page.locator(`${CITATION} a`).focus();
	await page.locator(PASSAGE).waitFor({ state: 'visible' });
	expect(await axeViolations(page)).toEqual([]);
});
