import type { AstroIntegration } from 'astro';
import type { BuildCollector } from '../integration/collector.ts';

/** Lists, at the end of the build, what the plugins warned about in the briefs (an image without alt text). A warning, not an error. */
export function contentWarnings(collector: BuildCollector): AstroIntegration {
	return {
		name: 'sourced:content-warnings',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const lines = collector.warnings();
				if (lines.length === 0) return;
				logger.warn(`${lines.length} warning${lines.length === 1 ? '' : 's'} about the briefs:\n  ${lines.join('\n  ')}`);
			},
		},
	};
}
