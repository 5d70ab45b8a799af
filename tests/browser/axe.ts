import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe checks: WCAG 2.2 A and AA, and its best practices. */
const EVERY_RULE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };

/**
 * The rules whose findings depend on colours: text against its background,
 * and a link told from the text around it. The only rules whose findings
 * can differ between the light and the dark scheme, which differ in colours
 * alone (`light-dark()`; no rule of the site's CSS or markup depends on the
 * scheme otherwise).
 */
const COLOUR_RULES = { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } };

/** axe-core's WCAG 2.2 AA and best-practice findings on the page as it is now (or those of `rules` alone). */
export async function axeViolations(page: Page, rules: object = EVERY_RULE): Promise<string[]> {
	// Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it; by
	// `Runtime.evaluate` itself, which took 240 ms where `page.evaluate` of the same source took 380–420 ms.
	// Once a page: axe is about 500 KB of script, and a page is often checked again (in its other colour scheme).
	if (!(await page.evaluate(() => 'axe' in window))) {
		const session = await page.context().newCDPSession(page);
		const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: axeSource });
		await session.detach();
		if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
	}
	const result = await page.evaluate(
		(rules) =>
			(window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
				...rules,
				// Violations only: axe then skips recording every node that passes, half its time on a brief.
				resultTypes: ['violations'],
			}),
		rules,
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
 * In the dark scheme, the rules about colours (COLOUR_RULES): every other
 * rule reads the same page, and found the same. On the brief, its colour
 * rules took 490 ms of axe's 750–880.
 */
export async function axeInBothSchemes(page: Page): Promise<{ light: string[]; dark: string[] }> {
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await axeViolations(page);
	const lightBackground = await background();
	await page.emulateMedia({ colorScheme: 'dark' });
	// The switch took: the page is in its dark colours, not the light ones checked again.
	expect(await background()).not.toBe(lightBackground);
	return { light, dark: await axeViolations(page, COLOUR_RULES) };
}
