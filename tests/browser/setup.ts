import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { serve } from '../helpers/serve.ts';
import { distOf } from '../helpers/sites.ts';

/** One Chromium and one static server over the built site for a test file. */
export function useSite() {
	const state = {} as { browser: Browser; url: string; context: (options?: Parameters<Browser['newContext']>[0]) => Promise<BrowserContext> };
	let close: () => Promise<void>;
	beforeAll(async () => {
		const server = await serve(distOf('site'));
		close = server.close;
		state.url = server.url;
		state.browser = await launch();
		state.context = (options) => state.browser.newContext(options);
	});
	afterAll(async () => {
		await state.browser?.close();
		await close?.();
	});
	return state;
}
