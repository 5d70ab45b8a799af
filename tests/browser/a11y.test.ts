import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distOf } from '../helpers/sites.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './setup.ts';

const site = useSite();

const pages = readdirSync(distOf('site'), { recursive: true, withFileTypes: true })
	.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
	.map((d) => '/' + path.relative(distOf('site'), path.join(d.parentPath, d.name)).replace(/index\.html$/, ''));

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
	it.each(pages)('%s has no violations', async (url) => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + url);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('search with results shown has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/search/?q=payments');
		await page.locator('.search-results a').first().waitFor({ timeout: 10_000 });
		expect(await axeViolations(page)).toEqual([]);
	});

	it('the search dialog with results open has no violations', async () => {
		const page = await (await site.context({ colorScheme })).newPage();
		await page.goto(site.url + '/briefs/internet-plus/');
		await page.locator('#site-search-q').click();
		await page.locator('dialog.search-dialog[open] input[type="search"]').pressSequentially('Klein');
		await page.locator('dialog.search-dialog .search-results a').first().waitFor({ timeout: 10_000 });
		expect(await axeViolations(page)).toEqual([]);
	});
});
