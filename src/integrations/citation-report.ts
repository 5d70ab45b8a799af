import type { AstroIntegration } from 'astro';
import { uncitedEntries } from '../bibliography/usage.ts';

/** Lists, at the end of the build, bibliography entries that no brief cites. A warning, not an error. */
export function citationReport(): AstroIntegration {
	return {
		name: 'sourced:citations',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const uncited = uncitedEntries();
				if (uncited.length === 0) return;
				logger.warn(`${uncited.length} bibliography ${uncited.length === 1 ? 'entry is' : 'entries are'} never cited:\n  ${uncited.join('\n  ')}`);
			},
		},
	};
}
