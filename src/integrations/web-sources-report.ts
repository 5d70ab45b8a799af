import type { AstroIntegration } from 'astro';
import type { BuildCollector } from '../integration/collector.ts';

/**
 * One line at the end of the build naming the cited web sources (a URL and
 * no DOI, or type online) that record neither when they were read
 * (`urldate`) nor an archived copy (`archiveurl`): pages change and vanish,
 * and a reader should know which version a claim rests on. A note, not an error.
 */
export function webSourcesReport(collector: BuildCollector): AstroIntegration {
	return {
		name: 'sourced:web-sources',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const line = webSourcesLine(collector.unrecordedAccess());
				if (line) logger.info(line);
			},
		},
	};
}

/** The line for these keys (none for none): "1 cited web source has …", "4 cited web sources have …". */
export function webSourcesLine(keys: string[]): string | undefined {
	if (keys.length === 0) return undefined;
	return (
		`${keys.length} cited web source${keys.length === 1 ? ' has' : 's have'} neither an access date nor an archived copy: ${keys.join(', ')}. ` +
		'Add urldate = {YYYY-MM-DD} when you read one, and archiveurl = {…} for a copy (README, "Access and archive").'
	);
}
