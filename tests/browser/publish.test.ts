import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './setup.ts';

// The real site built for https://example.org/research/, served under /research/ with the headers of its _headers file.
const site = useSite('research', { base: '/research/', headers: true });
const BRIEF = '/briefs/internet-plus/';

/** A page that records what breaks: console errors (a Content-Security-Policy violation is one) and failed requests. */
async function watched(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
	const context = await site.context();
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
	const page = await context.newPage();
	const problems: string[] = [];
	const requests: string[] = [];
	page.on('console', (message) => message.type() === 'error' && problems.push(`${message.location().url}: ${message.text()}`));
	page.on('pageerror', (error) => problems.push(error.message));
	page.on('request', (request) => requests.push(request.url()));
	// A request the next navigation cancels (the favicon, say) is aborted, not failed; a missing file is a console error.
	page.on(
		'requestfailed',
		(request) => request.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`${request.url()}: ${request.failure()?.errorText}`),
	);
	return { page, problems, requests };
}

it('reaches every page of the sitemap from the home page by links, and every internal link, file and #fragment resolves', async () => {
	const { page, problems } = await watched();
	const request = page.context().request;
	const origin = new URL(site.url).origin;
	const sitemap = await (await request.get(`${site.url}/sitemap-0.xml`)).text();
	const pages = [...sitemap.matchAll(/<loc>https:\/\/example\.org\/research\/(.*?)<\/loc>/g)].map(
		([, sitePath]) => `${site.url}/${sitePath}`,
	);
	expect(pages.length).toBeGreaterThan(10);
	const queue = [`${site.url}/`];
	const seen = new Set(queue);
	const ids = new Map<string, Set<string>>();
	const fragments: [from: string, to: string][] = [];
	const broken: string[] = [];
	while (queue.length > 0) {
		const url = queue.shift()!;
		const response = await request.get(url);
		if (response.status() !== 200) {
			broken.push(`${url}: ${response.status()}`);
			continue;
		}
		if (!response.headers()['content-type']?.startsWith('text/html')) continue;
		await page.goto(url, { waitUntil: 'domcontentloaded' });
		const found = await page.evaluate(() => ({
			links: [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src], form[action]')].map(
				(el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src || (el as HTMLFormElement).action,
			),
			ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
		}));
		ids.set(url, new Set(found.ids));
		for (const link of found.links) {
			const target = new URL(link);
			if (target.origin !== origin) continue;
			if (!target.pathname.startsWith('/research/')) broken.push(`${url}: link to ${link} leaves /research/`);
			if (target.hash) fragments.push([url, link]);
			target.hash = '';
			target.search = '';
			if (!seen.has(target.href)) {
				seen.add(target.href);
				queue.push(target.href);
			}
		}
	}
	for (const [from, link] of fragments) {
		const target = new URL(link);
		const id = decodeURIComponent(target.hash.slice(1)).split(':~:')[0]!;
		target.hash = '';
		target.search = '';
		if (!ids.get(target.href)?.has(id)) broken.push(`${from}: link to ${link}, but there is no #${id} there`);
	}
	expect(broken).toEqual([]);
	expect(pages.filter((url) => !seen.has(url))).toEqual([]);
	expect(seen.size).toBeGreaterThan(pages.length + 6);
	expect(fragments.length).toBeGreaterThan(50);
	expect(problems).toEqual([]);
});

it('serves its 404 page for an unknown address under the path, with working styles and links', async () => {
	const { page, problems } = await watched();
	const url = `${site.url}/no/such/page/`;
	const response = await page.goto(url);
	expect(response?.status()).toBe(404);
	expect(await page.locator('h1').innerText()).toBe('Page not found');
	expect(await page.locator('main a').getAttribute('href')).toBe('/research/');
	expect(await page.evaluate(() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0))).toBeGreaterThan(20);
	expect(problems.filter((p) => !p.startsWith(`${url}: Failed to load resource: the server responded with a status of 404`))).toEqual([]);
});

it('searches: the engine and index load from under the path, and a result lands on its paragraph', async () => {
	const { page, problems, requests } = await watched();
	await page.goto(`${site.url}/`);
	await page.locator('#site-search-q').click();
	const input = page.locator('dialog.search-dialog[open] input[type="search"]');
	await input.waitFor();
	await input.pressSequentially('Alipay');
	// Its own results, not those still shown for "Alipa".
	await page.locator('dialog.search-dialog .search-status', { hasText: '“Alipay”' }).waitFor({ timeout: 10_000 });
	const result = page.locator('dialog.search-dialog .search-results a[href*="#digital-payments-p1"]').first();
	await result.waitFor({ timeout: 10_000 });
	const href = await result.getAttribute('href');
	expect(href).toMatch(/^\/research\/briefs\/[\w-]+\/\?highlight=alipay#digital-payments-p1$/);
	await result.click();
	await page.waitForURL(`${new URL(site.url).origin}${href}`);
	const mark = page.locator('#digital-payments-p1 mark.pagefind-highlight').first();
	await mark.waitFor();
	expect(await mark.innerText()).toBe('Alipay');
	const loaded = requests.filter((url) => /\/(_s|pagefind)\//.test(url));
	expect(loaded.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
	expect(loaded.filter((url) => !url.startsWith(`${site.url}/`))).toEqual([]);
	expect(problems).toEqual([]);
});

it('loads the theme and copy modules from under the path when their buttons are used', async () => {
	const { page, problems, requests } = await watched();
	await page.goto(`${site.url}${BRIEF}`);
	// The first click shows the scheme the system does not (scripts/theme.ts).
	const opposite = (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) ? 'light' : 'dark';
	await page.locator('.theme-toggle').click();
	await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(opposite);
	await page.locator('#fintech').hover();
	await page.locator('.section-head:has(> #fintech) > button.copy-link').click();
	await expect.poll(() => page.locator('#toast').innerText()).toBe('Link copied to the clipboard');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}${BRIEF}#fintech`);
	const modules = requests.filter((url) => url.includes('/_s/'));
	expect(modules.length).toBeGreaterThanOrEqual(2);
	expect(modules.filter((url) => !url.startsWith(`${site.url}/_s/`))).toEqual([]);
	expect(problems).toEqual([]);
});
