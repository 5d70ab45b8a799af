import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { BuildCollector } from '../../src/integration/collector.ts';
import { pagefind } from '../../src/integrations/pagefind.ts';
import { config, stage } from './process.ts';

type Done = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** The two steps of the search index around the build's checks, run by real Pagefind over a folder of pages. */
async function index(pages: Record<string, string>): Promise<{ logged: string[]; finished: Promise<void>; dir: string }> {
	const dir = await mkdtemp(path.join(tmpdir(), 'sourced-pagefind-'));
	for (const [name, html] of Object.entries(pages)) await writeFile(path.join(dir, name), html);
	const logged: string[] = [];
	const logger = { info: (message: string) => logged.push(message) };
	const { start, finish } = pagefind(new BuildCollector(), config, stage);
	const done = (integration: AstroIntegration) =>
		integration.hooks['astro:build:done'] as (options: Partial<Parameters<Done>[0]>) => Promise<void> | void;
	await done(start)({ dir: pathToFileURL(`${dir}/`), pages: Object.keys(pages).map(() => ({ pathname: '' })) });
	const finished = Promise.resolve(done(finish)({ logger: logger as unknown as Parameters<Done>[0]['logger'] }));
	return { logged, finished, dir };
}

describe('the search index, built while the checks run', () => {
	it('writes the index and reports it in the second step', async () => {
		const { logged, finished, dir } = await index({
			'index.html':
				'<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Payments</h1><p>Alipay and WeChat Pay.</p></main></body></html>',
		});
		await finished;
		expect(logged).toEqual(['indexed 1 HTML file(s) and 0 source(s)']);
		expect(existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
	});

	it('fails the build in the second step when Pagefind indexes nothing', async () => {
		const { finished } = await index({ 'feed.xml': '<rss version="2.0"><channel><title>No page</title></channel></rss>' });
		await expect(finished).rejects.toThrow('Pagefind found no page with data-pagefind-body to index');
	});
});
