import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
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
 */
export function pagefind(collector: BuildCollector, config: SourcedConfig, stage: CitationStage): AstroIntegration {
	return {
		name: 'sourced:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, pages, logger }) => {
				const outDir = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({});
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
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
					const sources = records.length;
					const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
					if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
					logger.info(`indexed ${added.page_count} HTML file(s) and ${sources} source(s)`);
				} finally {
					await close();
				}
			},
		},
	};
}
