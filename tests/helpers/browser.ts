import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, the browser a reader runs: the bench measures search and Lighthouse with it (CHROMIUM_PATH for another). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Debian's headless build of the same Chromium (package chromium-headless-shell,
 * built from the same source and version): Blink and V8 without the desktop
 * browser around them, which is what Playwright itself runs for headless tests.
 * A page opens in a third of the CPU time, so the browser tests use it when it
 * is installed, and CHROMIUM otherwise (or CHROMIUM_PATH when set).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const TEST_CHROMIUM = process.env['CHROMIUM_PATH'] ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM);

/** The flags it is started with, the way this machine allows: no GPU, no background network. */
export const CHROMIUM_FLAGS = [
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A Chromium (CHROMIUM unless told), started with CHROMIUM_FLAGS. */
export function launch(executablePath: string = CHROMIUM): Promise<Browser> {
	return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}
