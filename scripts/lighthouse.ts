/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) for
 * pages of a built site, mobile and desktop, in Debian's Chromium. Used by
 * `npm run bench`; on its own: `node scripts/lighthouse.ts dist`.
 */
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/serve.ts';

export interface Scores {
	page: string;
	formFactor: 'mobile' | 'desktop';
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function lighthouseScores(dir: string, pages: string[]): Promise<Scores[]> {
	const server = await serve(path.resolve(dir));
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM,
		chromeFlags: ['--headless=new', '--no-sandbox', ...CHROMIUM_FLAGS],
	});
	const scores: Scores[] = [];
	try {
		for (const page of pages) {
			for (const formFactor of ['mobile', 'desktop'] as const) {
				const desktop = formFactor === 'desktop';
				const result = await lighthouse(`${server.url}${page}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: CATEGORIES,
					formFactor,
					screenEmulation: desktop
						? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
						: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
					...(desktop
						? {
								throttling: {
									rttMs: 40,
									throughputKbps: 10240,
									cpuSlowdownMultiplier: 1,
									requestLatencyMs: 0,
									downloadThroughputKbps: 0,
									uploadThroughputKbps: 0,
								},
							}
						: {}),
				});
				const categories = result?.lhr.categories ?? {};
				const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
				scores.push({
					page,
					formFactor,
					performance: score('performance'),
					accessibility: score('accessibility'),
					bestPractices: score('best-practices'),
					seo: score('seo'),
				});
			}
		}
	} finally {
		chrome.kill();
		await server.close();
	}
	return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const scores = await lighthouseScores(process.argv[2] ?? 'dist', ['/', '/briefs/internet-plus/']);
	console.table(scores);
}
