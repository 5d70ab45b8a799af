import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../bibliography/load.ts';
import { usageNotes } from '../bibliography/usage.ts';
import type { BuildCollector } from '../integration/collector.ts';
import type { SourcedConfig } from '../integration/config.ts';
import type { CitationStage } from '../citations/stage.ts';

/**
 * At the end of the build, one line for each finding about the bibliographies
 * (problems in entries no brief cites, entries never cited, cited sources
 * without a verification status). Warnings, not errors. Every item of every
 * line, as `file:line:column: …`, goes to a report in the cache folder
 * (`citation-report.txt`), which the lines name.
 */
export function citationReport(collector: BuildCollector, config: SourcedConfig, stage: CitationStage): AstroIntegration {
	return {
		name: 'sourced:citations',
		hooks: {
			'astro:build:done': async ({ logger }) => {
				const report = path.join(config.paths.cache, 'citation-report.txt');
				const notes = usageNotes(collector.cited(), displayPath(report), (file, options) => stage.bibliography(file, options), {
					strictVerification: config.citations.strictVerification,
				});
				await mkdir(path.dirname(report), { recursive: true });
				await writeFile(report, notes.map(({ summary, details }) => `${summary}\n  ${details.join('\n  ')}\n`).join('\n'));
				for (const { summary } of notes) logger.warn(summary);
			},
		},
	};
}
