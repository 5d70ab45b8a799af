import type { AstroIntegration } from 'astro';
import { manifestPath, writeManifest } from '../anchors/manifest.ts';
import { displayPath } from '../bibliography/load.ts';
import type { BuildCollector } from '../integration/collector.ts';

/** Writes content/anchors.json after a successful build, from the anchors the briefs left (see plugins/rehype-anchor-manifest.ts). */
export function anchorManifest(collector: BuildCollector, contentDir: string): AstroIntegration {
	return {
		name: 'sourced:anchors',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const file = manifestPath(contentDir);
				if (writeManifest(collector.anchors(), file)) logger.info(`updated ${displayPath(file)}: commit it with the content`);
			},
		},
	};
}
