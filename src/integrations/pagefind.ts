import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { BuildCollector } from '../integration/collector.ts';
import type { SourcedConfig } from '../integration/config.ts';
import type { CitationStage } from '../citations/stage.ts';
import { citedSources } from '../sources/model.ts';
import { sourceRecords } from './source-records.ts';

/**
 * Indexes the built site with Pagefind's Node API once Astro has written it:
 * the article body of each brief (sub-results per heading and paragraph), and
 * each source cited anywhere as one record of its own. Any indexing error
 * fails the build: a site without its index is not done. The sources come
 * from the briefs' reference lists, as the plugins left them (collector).
 *
 * Two steps around the build's other checks: `start` sets Pagefind's own
 * process indexing the pages, `finish` adds the sources, writes the index
 * and reports. The link and policy checks, which only read the pages, run in
 * between on this thread while Pagefind works on the other core.
 */
export function pagefind(
	collector: BuildCollector,
	config: SourcedConfig,
	stage: CitationStage,
): { start: AstroIntegration; finish: AstroIntegration } {
	let indexing: Promise<string> | undefined;
	return {
		start: {
			name: 'sourced:pagefind-start',
			hooks: {
				// Pagefind is asked to index the pages before this hook returns: the checks after it read the pages without
				// yielding, which would otherwise hold the request back until they were done.
				'astro:build:done': async ({ dir, pages }) => {
					let created: Awaited<ReturnType<typeof createIndex>>;
					try {
						created = await createIndex({});
					} catch (error) {
						// Its service is kept for the process: a failed one closed, so that another build in it can start one.
						await close();
						throw new Error('Pagefind could not start', { cause: error });
					}
					const { index, errors } = created;
					indexing = index
						? indexSite(index, fileURLToPath(dir), pages, collector, config, stage)
						: close().then(() => Promise.reject(new Error(`Pagefind could not start${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`)));
					// Its failure is reported where `finish` awaits it, not as an unhandled rejection before.
					indexing.catch(() => {});
				},
			},
		},
		finish: {
			name: 'sourced:pagefind',
			hooks: {
				'astro:build:done': async ({ logger }) => {
					if (indexing) logger.info(await indexing);
				},
			},
		},
	};
}

async function indexSite(
	index: PagefindIndex,
	outDir: string,
	pages: { pathname: string }[],
	collector: BuildCollector,
	config: SourcedConfig,
	stage: CitationStage,
): Promise<string> {
	try {
		const added = await index.addDirectory({ path: outDir });
		if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
		if (added.page_count === 0) throw new Error('Pagefind found no page with data-pagefind-body to index');
		const built = collector.sources();
		const briefs = pages.flatMap(({ pathname }) => built.get(`/${pathname}`) ?? []);
		const records = sourceRecords(citedSources(briefs, { config, stage }), config);
		for (const record of records) {
			const { errors } = await index.addCustomRecord(record);
			if (errors.length > 0) throw new Error(`Pagefind could not index the source ${record.url}: ${errors.join('; ')}`);
		}
		const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
		if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
		return `indexed ${added.page_count} HTML file(s) and ${records.length} source(s)`;
	} finally {
		await close();
	}
}
