import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, TEST_CHROMIUM } from '../helpers/browser.ts';
import { serve, type ServeOptions } from '../helpers/serve.ts';
import { distOf, ready, type SiteName } from '../helpers/sites.ts';

let shared: Promise<Browser> | undefined;

/**
 * The Chromium of this test worker, started by the first test file that needs
 * it and kept for the next ones (the browser project does not isolate its
 * files), as Playwright's own runner keeps one browser per worker: a start
 * costs a second of CPU, and what a test sees is its context, which is its own
 * (useSite). Playwright closes it when the worker ends; if it goes away
 * sooner, the next file starts another.
 */
function workerBrowser(): Promise<Browser> {
	shared ??= launch(TEST_CHROMIUM).then((browser) => {
		browser.on('disconnected', () => (shared = undefined));
		return browser;
	});
	return shared;
}

/** The worker's Chromium and a static server over a built site (the real one, at the root, unless told) for a test file; the site is built first if no test has yet. */
export function useSite(name: SiteName = 'site', options: ServeOptions = {}) {
	// No `browser` here: the worker's Chromium outlives this file, so a test reaches it only through `context`,
	// which closes what it opens after the test.
	const state = {} as {
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
		const browser = await workerBrowser();
		state.context = async (options) => {
			const context = await browser.newContext(options);
			open.push(context);
			return context;
		};
	});
	afterEach(async () => {
		await Promise.all(open.splice(0).map((context) => context.close()));
	});
	afterAll(async () => {
		await close?.();
	});
	return state;
}
