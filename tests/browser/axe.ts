import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA and best-practice findings on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it; by
	// `Runtime.evaluate` itself, which took 240 ms where `page.evaluate` of the same source took 380–420 ms.
	// Once a page: axe is about 500 KB of script, and a page is often checked again (in its other colour scheme).
	if (!(await page.evaluate(() => 'axe' in window))) {
		const session = await page.context().newCDPSession(page);
		const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: axeSource });
		await session.detach();
		if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
	}
	const result = await page.evaluate(() =>
		(window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
			runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
			// Violations only: axe then skips recording every node that passes, half its time on a brief.
			resultTypes: ['violations'],
		}),
	);
	return (result as { violations: { id: string; nodes: { target: string[] }[] }[] }).violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	);
}

/**
 * axe's findings on the page as it is, in the light scheme and then in the
 * dark one. The site's colours follow the system's scheme through CSS alone
 * (`color-scheme` and `light-dark()`), so the same page is switched rather
 * than loaded twice: a page load and axe's own start are most of a check.
 */
export async function axeInBothSchemes(page: Page): Promise<{ light: string[]; dark: string[] }> {
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await axeViolations(page);
	const lightBackground = await background();
	await page.emulateMedia({ colorScheme: 'dark' });
	// The switch took: the page is in its dark colours, not the light ones checked again.
	expect(await background()).not.toBe(lightBackground);
	return { light, dark: await axeViolations(page) };
}
