import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA and best-practice findings on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
	await page.evaluate(axeSource);
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
