import type { AstroIntegration } from 'astro';
import { usageNotes } from '../bibliography/usage.ts';

/**
 * At the end of the build, one line for each finding about the bibliographies
 * (problems in entries no brief cites, entries never cited, cited sources
 * without a verification status). Warnings, not errors; SOURCED_VERBOSE=1
 * lists every item under its line.
 */
export function citationReport(): AstroIntegration {
	return {
		name: 'sourced:citations',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const verbose = Boolean(process.env['SOURCED_VERBOSE']);
				for (const { summary, details } of usageNotes()) {
					logger.warn(verbose ? `${summary}\n  ${details.join('\n  ')}` : summary);
				}
			},
		},
	};
}
