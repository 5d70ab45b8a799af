import type { AstroIntegration } from 'astro';
import { manifestPath, writeManifest } from '../anchors/manifest.ts';
import { displayPath } from '../bibliography/load.ts';

/** Writes content/anchors.json after a successful build (see plugins/rehype-anchor-manifest.ts). */
export function anchorManifest(): AstroIntegration {
	return {
		name: 'sourced:anchors',
		hooks: {
			'astro:build:done': ({ logger }) => {
				if (writeManifest()) logger.info(`updated ${displayPath(manifestPath())}: commit it with the content`);
			},
		},
	};
}
