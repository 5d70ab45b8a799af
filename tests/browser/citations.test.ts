import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { parseBibtex } from '../../src/bibliography/parse-bibtex.ts';
import { parseRis } from '../helpers/ris.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

/** The brief in a tab; with `watch`, in a new one whose every script request is listed in `scripts`. */
async function briefPage(watch = false) {
	const page = watch ? await (await site.context()).newPage() : await site.page();
	const scripts: string[] = [];
	if (watch)
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
	await page.goto(site.url + BRIEF);
	return { page, scripts };
}

it('shows the full reference when a citation gets keyboard focus, and Esc closes it', async () => {
	const { page } = await briefPage();
	const citation = page.locator('#digital-payments-p1 a[href="#bib-klein2020"]').first();
	await citation.focus();
	const preview = page.locator('#preview-klein2020');
	await preview.waitFor({ state: 'visible' });
	expect(await preview.innerText()).toMatch(/Klein, Aaron\. 2020\. “China’s Digital Payments Revolution\.”/);
	expect(await preview.locator('.status').innerText()).toBe('Verified');
	await page.keyboard.press('Escape');
	await preview.waitFor({ state: 'hidden' });
});

it('shows a preview on hover, beside the citation and inside the window', async () => {
	const { page } = await briefPage();
	await page.setViewportSize({ width: 390, height: 800 });
	const citation = page.locator('#fintech-p1 a[href="#bib-zhou2022"]').first();
	await citation.scrollIntoViewIfNeeded();
	await citation.hover();
	const preview = page.locator('#preview-zhou2022');
	await preview.waitFor({ state: 'visible' });
	const [c, p] = await Promise.all([citation.boundingBox(), preview.boundingBox()]);
	// Below or above the citation's line, never over it, and within the phone's width.
	expect(p!.y >= c!.y + c!.height - 1 || p!.y + p!.height <= c!.y + 1).toBe(true);
	expect(p!.x).toBeGreaterThanOrEqual(0);
	expect(p!.x + p!.width).toBeLessThanOrEqual(390);
	expect(await preview.locator('a', { hasText: 'Open the source' }).getAttribute('href')).toMatch(/^https:\/\/www\.china-briefing\.com\//);
});

it('previews each source of a cluster', async () => {
	const { page } = await briefPage();
	const cluster = page
		.locator('span.citation')
		.filter({ has: page.locator('a + a') })
		.first();
	const keys = await cluster.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('interestfor')));
	expect(keys.length).toBeGreaterThan(1);
	for (const [i, key] of keys.entries()) {
		await cluster.locator('a').nth(i).focus();
		await page.locator(`#${key}`).waitFor({ state: 'visible' });
	}
});

it('loads no script for previews', async () => {
	const { page, scripts } = await briefPage(true);
	const before = scripts.length;
	await page.locator('a[interestfor]').first().focus();
	await page.locator('.cite-preview:popover-open').waitFor();
	expect(scripts.length).toBe(before);
});

it('goes from a reference back to the paragraph that cites it', async () => {
	const { page } = await briefPage();
	await page.goto(site.url + BRIEF + '#bib-klein2020');
	await page.locator('#bib-klein2020 .cited-in a', { hasText: 'Digital payments ¶1' }).click();
	await page.waitForURL(/#digital-payments-p1$/);
	const paragraph = page.locator('#digital-payments-p1');
	const box = await paragraph.boundingBox();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(100);
});

it('downloads the brief and its references, which parse again', async () => {
	const { page } = await briefPage();
	await page.locator('.cite-this summary').click();
	const download = async (name: string) => {
		const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`.cite-this a[href$="/${name}"]`).click()]);
		return readFile(await file.path(), 'utf8');
	};
	expect(parseBibtex(await download('cite.bib'))[0]?.key).toBe('internet_plus');
	expect(parseRis(await download('references.ris')).length).toBeGreaterThanOrEqual(8);
	expect((JSON.parse(await download('references.json')) as unknown[]).length).toBeGreaterThanOrEqual(8);
});

it('copies the formatted citation of the brief', async () => {
	const context = await site.context();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
	const page = await context.newPage();
	await page.goto(site.url + BRIEF);
	await page.locator('.cite-this summary').click();
	await page.locator('.cite-this button[data-copy]').click();
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
		/^Sourced editorial team\. 2026\. “China’s Internet Plus Strategy/,
	);
});

it('has no axe violations with a preview open', async () => {
	const { page } = await briefPage();
	await page.locator('#digital-payments-p1 a[href="#bib-klein2020"]').first().focus();
	await page.locator('#preview-klein2020').waitFor({ state: 'visible' });
	expect(await axeViolations(page)).toEqual([]);
});
