import type { AstroIntegration } from 'astro';
import type { MdxCache } from '../plugins/mdx-cache.ts';

/**
 * Ends the compile thread, if the build started one, says how many briefs
 * were compiled and how many were reused unchanged from the last build, then
 * forgets the compiled briefs this build did not use (edited, renamed or
 * deleted since).
 */
export function compiledBriefs(cache: MdxCache): AstroIntegration {
	return {
		name: 'sourced:compiled-briefs',
		hooks: {
			'astro:build:done': async ({ logger }) => {
				await cache.close();
				const { compiled, kept } = cache.counts;
				if (compiled + kept === 0) return;
				logger.info(`${compiled} brief${compiled === 1 ? '' : 's'} compiled, ${kept} unchanged since the last build reused.`);
				cache.prune();
			},
		},
	};
}
