import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (CHROMIUM_PATH for another). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags it is started with, the way this machine allows: no GPU, no background network. */
export const CHROMIUM_FLAGS = [
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Debian's Chromium, started with CHROMIUM_FLAGS. */
export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
