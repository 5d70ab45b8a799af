import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './setup.ts';

const BRIEF = '/briefs/internet-plus/';
const site = useSite();

/** A page at `path`; with `watch`, in a new tab whose every request for search's files is listed in `pagefindRequests`. */
async function openPage(path: string, watch = false): Promise<{ page: Page; pagefindRequests: string[] }> {
	const page = watch ? await (await site.context()).newPage() : await site.page();
	const pagefindRequests: string[] = [];
	if (watch)
		page.on('request', (request) => {
			if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
		});
	await page.goto(site.url + path);
	return { page, pagefindRequests };
}

const dialogInput = (page: Page) => page.locator('dialog.search-dialog[open] input[type="search"]');
const dialogResult = (page: Page, href: string) => page.locator(`dialog.search-dialog .search-results a[href*="${href}"]`).first();

/** Types the query into the dialog and waits for its own results: on a busy machine those of a prefix ("Alipa") can still be on screen. */
async function searchInDialog(page: Page, query: string) {
	await page.locator('#site-search-q').click();
	await dialogInput(page).waitFor();
	await dialogInput(page).pressSequentially(query);
	await page.locator('dialog.search-dialog .search-status', { hasText: `“${query}”` }).waitFor({ timeout: 10_000 });
}

it('fetches nothing of search, and opens nothing, until the reader types in the box', async () => {
	const { page, pagefindRequests } = await openPage(BRIEF, true);
	await page.waitForLoadState('networkidle');
	expect(pagefindRequests).toEqual([]);
	// Focus alone changes nothing (WCAG 3.2.1): Tab goes on through the header.
	await page.locator('#site-search-q').focus();
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
	expect(await page.locator('dialog[open]').count()).toBe(0);
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.type('sandb');
	await dialogInput(page).waitFor();
	await expect.poll(() => dialogInput(page).inputValue()).toBe('sandb');
	await page.keyboard.type('ox');
	await dialogResult(page, '#regulation-and-sandboxes').waitFor({ timeout: 10_000 });
	expect(await dialogInput(page).inputValue()).toBe('sandbox');
	expect(pagefindRequests.length).toBeGreaterThan(0);
});

it('"Alipay" lands on the payments paragraph with the term highlighted', async () => {
	const { page } = await openPage('/');
	await searchInDialog(page, 'Alipay');
	const result = dialogResult(page, '#digital-payments-p1');
	await result.waitFor({ timeout: 10_000 });
	expect(await result.getAttribute('href')).toMatch(/\/briefs\/internet-plus\/\?highlight=alipay#digital-payments-p1$/);
	await result.click();
	await page.waitForURL(/#digital-payments-p1$/);
	const mark = page.locator('#digital-payments-p1 mark.pagefind-highlight').first();
	await mark.waitFor();
	expect(await mark.innerText()).toBe('Alipay');
	const box = await page.locator('#digital-payments-p1').boundingBox();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(120);
	// The browser moves the sequential focus starting point to the target: Tab goes on from the paragraph.
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.closest('#digital-payments-p1') !== null)).toBe(true);
});

it('"Klein" finds the source record for Klein\'s report, linked to its entry and where it is cited', async () => {
	const { page } = await openPage(BRIEF);
	await searchInDialog(page, 'Klein');
	const source = page.locator('dialog.search-dialog .search-results a[href^="/references/"][href$="#source-klein2020"]').first();
	await source.waitFor({ timeout: 10_000 });
	// A short title line and a line of excerpt, without the entry's address.
	expect(await source.locator('.result-title').innerText()).toBe('Klein 2020. China’s Digital Payments Revolution');
	expect(await source.innerText()).not.toMatch(/https?:/);
	await source.click();
	await page.waitForURL(/\/references\/\?highlight=klein#source-klein2020$/);
	expect(await page.locator('#source-klein2020 .cited-in a[href="/briefs/internet-plus/#digital-payments-p1"]').count()).toBe(1);
});

it('"Brookings" finds the source by its publisher, and the type filter keeps sources only', async () => {
	const { page } = await openPage('/search/?q=Brookings');
	await page.locator('.search-results a[href^="/references/"][href$="#source-klein2020"]').first().waitFor({ timeout: 10_000 });
	await expect.poll(() => page.locator('.search-results a:not([href*="/references/"])').count()).toBeGreaterThan(0);
	await page.getByRole('radio', { name: 'Sources' }).check();
	await expect
		.poll(async () =>
			(await page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).every(
				(h) => h?.startsWith('/references/') && h.includes('#source-'),
			),
		)
		.toBe(true);
	expect(await page.locator('.search-status').innerText()).toMatch(/^1 result for “Brookings”$/);
});

it('"互联网" finds the Internet Plus section', async () => {
	const { page } = await openPage(BRIEF);
	await searchInDialog(page, '互联网');
	await dialogResult(page, '#what-internet-plus-is-and-where-it-came-from').waitFor({ timeout: 10_000 });
});

it('runs the query in the address of the search page, and the back button returns to the results', async () => {
	const { page } = await openPage('/search/?q=sandbox');
	const result = page.locator('.search-results a[href*="#regulation-and-sandboxes"]').first();
	await result.waitFor({ timeout: 10_000 });
	expect(await page.locator('sourced-search-page input[type="search"]').inputValue()).toBe('sandbox');
	await result.click();
	await page.waitForURL(/internet-plus/);
	await page.goBack();
	await page.locator('.search-results a[href*="#regulation-and-sandboxes"]').first().waitFor({ timeout: 10_000 });
	expect(page.url()).toMatch(/\/search\/\?q=sandbox$/);
});

it('puts the query in the address while the dialog is open, and a shared address opens it', async () => {
	const { page } = await openPage(BRIEF);
	await searchInDialog(page, 'fintech');
	await expect.poll(() => page.url()).toMatch(/\?q=fintech$/);
	const shared = await site.page();
	await shared.goto(page.url());
	await dialogResult(shared, '#fintech').waitFor({ timeout: 10_000 });
});

it('keeps up with typing: keys that arrive while a search runs make one search for the latest text, and its results stay', async () => {
	const { page } = await openPage(BRIEF);
	// Count the searches Pagefind runs in its worker.
	await page.evaluate(() => {
		const w = window as unknown as { searches: string[] };
		w.searches = [];
		// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the worker as `this`
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (
			this: Worker,
			message: { method?: string; args?: unknown[] },
			options?: StructuredSerializeOptions,
		) {
			if (message?.method === 'search') w.searches.push(String(message.args?.[0]));
			post.call(this, message, options);
		} as typeof post;
	});
	await page.locator('#site-search-q').click();
	await dialogInput(page).waitFor();
	// Eight keys, all arriving before the first search can answer.
	await dialogInput(page).evaluate((input: HTMLInputElement) => {
		for (let i = 1; i <= 'payments'.length; i++) {
			input.value = 'payments'.slice(0, i);
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
	});
	await page.locator('dialog.search-dialog .search-status', { hasText: '“payments”' }).waitFor({ timeout: 10_000 });
	// At most the first key's search, which may have started before the others arrived, and the whole word's.
	const searches = await page.evaluate(() => (window as unknown as { searches: string[] }).searches);
	expect(searches.filter((q) => q !== 'p')).toEqual(['payments']);
	// The count comes once every result is drawn; the results stay for the latest text.
	expect(await page.locator('dialog.search-dialog .search-status').innerText()).toMatch(/ for “payments”$/);
	const excerpts = await page.locator('dialog.search-dialog .search-results mark').allInnerTexts();
	expect(excerpts.length).toBeGreaterThan(0);
	expect(excerpts.filter((mark) => !/^payments?\b/i.test(mark))).toEqual([]);
});

it('says so when search cannot load, and searches again on the next key', async () => {
	const { page } = await openPage(BRIEF);
	await page.route('**/pagefind/**', (route) => route.abort());
	await page.locator('#site-search-q').click();
	await dialogInput(page).waitFor();
	await dialogInput(page).pressSequentially('Alipa');
	await page.locator('dialog.search-dialog .search-status', { hasText: 'Search could not load its index' }).waitFor({ timeout: 10_000 });
	expect(await page.locator('dialog.search-dialog .search-results a').count()).toBe(0);
	await page.unroute('**/pagefind/**');
	await dialogInput(page).press('y');
	await dialogResult(page, '#digital-payments-p1').waitFor({ timeout: 10_000 });
	expect(await page.locator('dialog.search-dialog .search-status').innerText()).toMatch(/ for “Alipay”$/);
});

it('works by keyboard alone: "/" and Ctrl+K open, arrows choose, Enter opens, the first Esc closes and returns focus', async () => {
	const { page } = await openPage(BRIEF);
	await page.keyboard.press('/');
	await dialogInput(page).waitFor();
	expect(await dialogInput(page).evaluate((el) => el === document.activeElement)).toBe(true);
	await page.keyboard.press('Escape');
	await page.locator('dialog.search-dialog').waitFor({ state: 'hidden' });

	// Opened by typing in the search box, one Esc closes even with text in the box, and focus returns there.
	await page.locator('#site-search-q').focus();
	await page.keyboard.type('fin');
	await dialogInput(page).waitFor();
	await expect.poll(() => dialogInput(page).inputValue()).toBe('fin');
	expect(await page.locator('dialog.search-dialog .search-hint').innerText()).toMatch(/Esc closes/);
	await page.keyboard.press('Escape');
	await page.locator('dialog.search-dialog').waitFor({ state: 'hidden' });
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
	// The dialog's `close` event, which hands its text back to the box, is a task of its own after the dialog hides.
	await expect.poll(() => page.locator('#site-search-q').inputValue()).toBe('fin');
	expect(await page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);

	await page.keyboard.press('Control+k');
	await dialogInput(page).waitFor();
	await page.keyboard.press('Control+a');
	await page.keyboard.type('WeChat');
	// The results for the whole word, not those still shown for "WeCha" (which link to the same paragraph) on a busy machine.
	await page.locator('dialog.search-dialog .search-status', { hasText: '“WeChat”' }).waitFor({ timeout: 10_000 });
	await dialogResult(page, '#digital-payments').waitFor({ timeout: 10_000 });
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/briefs\/internet-plus\/\?highlight=wechat/);
	await page.locator('mark.pagefind-highlight', { hasText: 'WeChat' }).first().waitFor();
});

it('opens the plain search page without JavaScript, saying where the query is and offering the sections and the references', async () => {
	const page = await site.page({ javaScriptEnabled: false });
	await page.goto(site.url + BRIEF);
	await page.locator('#site-search-q').fill('Alipay');
	await page.locator('#site-search-q').press('Enter');
	await page.waitForURL(/\/search\/\?q=Alipay$/);
	expect(await page.locator('main').innerText()).toMatch(/Search needs JavaScript/);
	expect(await page.locator('main a[href="/references/"]').count()).toBe(1);
	expect(await page.locator('main a[href="/briefs/internet-plus/#digital-payments"]').count()).toBe(1);

	// A shared /search/?q=sandbox: a static page cannot show the words, so it says where they are and what to do.
	await page.goto(site.url + '/search/?q=sandbox');
	expect(await page.locator('main').innerText()).toMatch(/in the address bar, after “\?q=”: find them with your browser’s Find in page/);
	expect(await page.locator('main a[href="/briefs/internet-plus/#regulation-and-sandboxes"]').innerText()).toBe('Regulation and sandboxes');
	expect(await page.locator('main a[href="/references/"]').innerText()).toBe('All references');
});

/** Every result of a query on the search page, with every "N more in this brief" opened. */
async function allResults(page: Page, query: string) {
	await page.goto(site.url + '/search/?q=' + encodeURIComponent(query));
	const status = page.locator('.search-status');
	await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(new RegExp(`for “${query}”`));
	for (const more of await page.locator('.result-more').all()) await more.click();
	const links = page.locator('.search-results a:not(.result-brief)');
	return {
		status: await status.innerText(),
		hrefs: await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace(/^.*#/, '#'))),
		page,
	};
}

it('finds every block that matches, with a matching section first, and counts what it lists', async () => {
	const { page } = await openPage('/');
	const silk = await allResults(page, 'digital silk road');
	expect(await page.locator('.search-results .result:not(.source) li a').first().getAttribute('href')).toMatch(/#the-digital-silk-road$/);
	expect(silk.hrefs).toEqual(
		expect.arrayContaining(['#the-digital-silk-road', '#the-digital-silk-road-p1', '#the-digital-silk-road-p2', '#source-gordon2023']),
	);
	expect(silk.status).toBe(`${silk.hrefs.length} results for “digital silk road”`);
	// The heading's excerpt is the section's first sentence.
	expect(await page.locator('.search-results a[href$="#the-digital-silk-road"] .excerpt').innerText()).toMatch(
		/^The Digital Silk Road, 数字丝绸之路, belongs to the Belt and Road Initiative/,
	);
	expect(await page.locator('.search-results a[href$="#the-digital-silk-road"] .excerpt span[lang="zh-Hans"]').innerText()).toBe(
		'数字丝绸之路',
	);

	const sandbox = await allResults(page, 'sandbox');
	const blocks = sandbox.hrefs.filter((h) => !/^#source-[a-z0-9]+$/.test(h));
	expect(blocks[0]).toBe('#regulation-and-sandboxes');
	for (const id of [
		'#key-findings-li6',
		'#regulation-and-sandboxes-p1',
		'#regulation-and-sandboxes-p2',
		'#what-the-evidence-does-not-show-p2',
		'#source-notes-li2',
		'#footnote-label',
	])
		expect(blocks).toContain(id);
	expect(sandbox.status).toBe(`${sandbox.hrefs.length} results for “sandbox”`);

	const klein = await allResults(page, 'Klein');
	expect(klein.hrefs).toEqual(expect.arrayContaining(['#source-klein2020', '#digital-payments-p1', '#source-notes-li1']));
	// Footnote numbers stay out of excerpts ("Fintech1 in China").
	const fintech = await allResults(page, 'Fintech');
	expect(fintech.hrefs).toContain('#fintech-p1');
	expect(await page.locator('.search-results a[href$="#fintech-p1"] .excerpt').innerText()).toMatch(/Fintech in China/);
	// The search page has nothing to close, so its hint says nothing about Esc.
	expect(await page.locator('.search-hint').innerText()).not.toMatch(/Esc/);
});

it('marks nothing for a typo that matches only "al." in "et al.", and offers the word it was probably meant to be', async () => {
	const { page } = await openPage('/');
	await page.goto(site.url + '/search/?q=alipya');
	const status = page.locator('.search-status');
	await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^Nothing matched “alipya”\. Did you mean Alipay\?$/);
	expect(await page.locator('.search-results mark').count()).toBe(0);
	await status.getByRole('button', { name: 'Alipay' }).click();
	await page.locator('.search-results a[href$="#digital-payments-p1"]').waitFor({ timeout: 10_000 });
	expect(await page.locator('sourced-search-page input[type="search"]').inputValue()).toBe('Alipay');
});
