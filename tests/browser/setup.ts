import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, TEST_CHROMIUM } from '../helpers/browser.ts';
import { serve, type ServeOptions } from '../helpers/serve.ts';
import { distOf, ready, type SiteName } from '../helpers/sites.ts';

let shared: Promise<Browser> | undefined;

/**
 * The Chromium of this test worker, started by the first test file that needs
 * it and kept for the next ones (the site project does not isolate its
 * files), as Playwright's own runner keeps one browser per worker: a start
 * costs a second of CPU. What a test sees is a context of its own or a kept
 * tab put back as new (useSite). Playwright closes it when the worker ends;
 * if it goes away sooner, the next file starts another, with tabs of its own.
 */
function workerBrowser(): Promise<Browser> {
	shared ??= launch(TEST_CHROMIUM).then((browser) => {
		browser.on('disconnected', () => {
			shared = undefined;
			kept.clear();
		});
		return browser;
	});
	return shared;
}

type ContextOptions = Parameters<Browser['newContext']>[0];

/**
 * What a test can do to a page, or to its context, that `release` does not
 * put back: listeners, routes, scripts run in every document, exposed
 * functions, a fake clock, permissions, cookies, headers, going offline. A
 * page on which a test reached for any of them is closed after that test,
 * never handed to the next one.
 */
const LASTING = new Set([
	'on',
	'once',
	'addListener',
	'prependListener',
	'prependOnceListener',
	'route',
	'routeFromHAR',
	'routeWebSocket',
	'addInitScript',
	'exposeFunction',
	'exposeBinding',
	'setExtraHTTPHeaders',
	'setHTTPCredentials',
	'setGeolocation',
	'setOffline',
	'grantPermissions',
	'addCookies',
	'clock',
	'pause',
]);

/** `target` as it is, except that reaching for a LASTING member of it calls `changed` first; its context, if asked for, is watched the same way. */
function watched<T extends object>(target: T, changed: () => void): T {
	return new Proxy(target, {
		get(object, key) {
			if (typeof key === 'string' && LASTING.has(key)) changed();
			const value: unknown = Reflect.get(object, key, object);
			if (typeof value !== 'function') return value;
			if (key === 'context') return () => watched((value as () => object).call(object), changed);
			return (value as (...args: unknown[]) => unknown).bind(object);
		},
	});
}

/** A tab kept for the worker's tests: its context, and whether the test that has it changed it in a lasting way (LASTING). */
interface KeptPage {
	context: BrowserContext;
	page: Page;
	inUse: boolean;
	changed: boolean;
}

/**
 * The worker's kept tabs, by what of their context's options a tab cannot
 * change (JavaScript, touch, a phone and its screen): the window's size and
 * the colour scheme are set on the tab each time it is handed out (fit).
 */
const kept = new Map<string, KeptPage[]>();

/** The options that `fit` sets on a kept tab; a phone's window size is its screen's, made with it. */
const fitted = (options: NonNullable<ContextOptions>): string[] =>
	options.isMobile ? ['colorScheme', 'reducedMotion', 'forcedColors'] : ['viewport', 'colorScheme', 'reducedMotion', 'forcedColors'];

/** Sets a kept tab's window size and media as a new one made with `options` would have them. */
async function fit(page: Page, options: NonNullable<ContextOptions>): Promise<void> {
	await page.emulateMedia({
		media: null,
		colorScheme: options.colorScheme ?? 'light',
		reducedMotion: options.reducedMotion ?? 'no-preference',
		forcedColors: options.forcedColors ?? 'none',
	});
	const size = options.viewport ?? { width: 1280, height: 720 };
	const now = page.viewportSize();
	if (now?.width !== size.width || now.height !== size.height) await page.setViewportSize(size);
}

/**
 * Puts a kept tab back as a new one would be, for the next test: the site's
 * storage emptied, the tab on a blank document (so that the next test's
 * address is a new load, even when it differs from this one's only by its
 * #fragment), cookies and permissions cleared, the pointer back in the
 * corner. Whether that could be done: a tab changed for good, closed or
 * crashed is not.
 */
async function release(tab: KeptPage): Promise<boolean> {
	const { page, context } = tab;
	if (tab.changed || page.isClosed()) return false;
	try {
		// A tab left on a document with no storage of its own (about:blank, after a test that failed early) has none to clear.
		await page.evaluate(() => {
			try {
				localStorage.clear();
				sessionStorage.clear();
			} catch {
				// no storage here
			}
		});
		await page.goto('about:blank');
		await context.clearCookies();
		await context.clearPermissions();
		await page.mouse.move(0, 0);
		return true;
	} catch {
		return false;
	}
}

/** The worker's Chromium and a static server over a built site (the real one, at the root, unless told) for a test file; the site is built first if no test has yet. */
export function useSite(name: SiteName = 'site', options: ServeOptions = {}) {
	// No `browser` here: the worker's Chromium outlives this file, so a test reaches it only through `context` and `page`,
	// which close or put back what they open after the test.
	const state = {} as {
		url: string;
		/** A context of the test's own, closed after it: for a test that watches what a page loads, or changes its context. */
		context: (options?: ContextOptions) => Promise<BrowserContext>;
		/**
		 * A tab as one made with `options` would be, on a blank document, as good as new (release, fit): the
		 * worker's tests take turns with its tabs. A tab is a process of Chromium's: a new one cost 0.45–0.6 CPU s
		 * to open and load a page, a load in a kept one 0.1–0.3 s. A test that changes its tab in a way that lasts
		 * (LASTING) gets it closed after it.
		 */
		page: (options?: ContextOptions) => Promise<Page>;
	};
	let close: () => Promise<void>;
	/** The contexts this test opened, closed after it: pages of earlier tests never run beside the next one. */
	const open: BrowserContext[] = [];
	/** The kept tabs this test has, released after it. */
	const taken: KeptPage[] = [];
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
		state.page = async (options = {}) => {
			const fixed = Object.fromEntries(Object.entries(options).filter(([name]) => !fitted(options).includes(name)));
			const key = JSON.stringify(fixed);
			const tabs = kept.get(key) ?? [];
			kept.set(key, tabs);
			let tab = tabs.find((tab) => !tab.inUse && !tab.page.isClosed());
			if (!tab) {
				const context = await browser.newContext(fixed);
				tab = { context, page: await context.newPage(), inUse: false, changed: false };
				tabs.push(tab);
			}
			tab.inUse = true;
			taken.push(tab);
			await fit(tab.page, options);
			const handed = tab;
			return watched(tab.page, () => (handed.changed = true));
		};
	});
	afterEach(async () => {
		await Promise.all(open.splice(0).map((context) => context.close()));
		await Promise.all(
			taken.splice(0).map(async (tab) => {
				if (await release(tab)) tab.inUse = false;
				else {
					for (const tabs of kept.values()) if (tabs.includes(tab)) tabs.splice(tabs.indexOf(tab), 1);
					await tab.context.close().catch(() => {});
				}
			}),
		);
	});
	afterAll(async () => {
		await close?.();
	});
	return state;
}
