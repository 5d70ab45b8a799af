import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, TEST_CHROMIUM } from '../helpers/browser.ts';
import { serve, type ServeOptions } from '../helpers/serve.ts';
import { distOf, ready, type SiteName } from '../helpers/sites.ts';

/** One Chromium and one static server over a built site (the real one, at the root, unless told) for a test file; the site is built first if no test has yet. */
export function useSite(name: SiteName = 'site', options: ServeOptions = {}) {
	const state = {} as {
		browser: Browser;
		url: string;
		context: (options?: Parameters<Browser['newContext']>[0]) => Promise<BrowserContext>;
	};
	let close: () => Promise<void>;
	/** The contexts this test opened, closed after it: pages of earlier tests never run beside the next one. */
	const open: BrowserContext[] = [];
	beforeAll(async () => {
		await ready(name);
		const server = await serve(distOf(name), options);
		close = server.close;
		state.url = server.url;
		state.browser = await launch(TEST_CHROMIUM);
		state.context = async (options) => {
			const context = await state.browser.newContext(options);
			open.push(context);
			return context;
		};
	});
	afterEach(async () => {
		await Promise.all(open.splice(0).map((context) => context.close()));
	});
	afterAll(async () => {
		await state.browser?.close();
		await close?.();
	});
	return state;
}
