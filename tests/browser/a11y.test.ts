import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { distOf } from '../helpers/sites.ts';
import { useSite } from './setup.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useSite();

const pages = readdirSync(distOf('site'), { recursive: true, withFileTypes: true })
	.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
	.map((d) => '/' + path.relative(distOf('site'), path.join(d.parentPath, d.name)).replace(/index\.html$/, ''));

async function violations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	const result = await page.evaluate(() =>
		// @ts-expect-error axe is injected above
		window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
	);
	return (result as { violations: { id: string; nodes: { target: string[] }[] }[] }).violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	);
}

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
	it.each(pages)('%s has no violations', async (url) => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + url);
		expect(await violations(page)).toEqual([]);
	});

	it('search with results shown has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/search/?q=payments');
		await page.locator('pagefind-results a').first().waitFor({ timeout: 10_000 });
		expect(await violations(page)).toEqual([]);
	});

	it('the search dialog with results open has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/briefs/internet-plus/');
		await page.locator('#site-search-q').click();
		await page.locator('pagefind-modal dialog[open] input').pressSequentially('Klein');
		await page.locator('pagefind-modal pagefind-results a').first().waitFor({ timeout: 10_000 });
		expect(await violations(page)).toEqual([]);
	});
});
