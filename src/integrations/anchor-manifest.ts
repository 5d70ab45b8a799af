import type { AstroIntegration } from 'astro';
import { manifestPath, manifestText } from '../anchors/manifest.ts';
import { displayPath } from '../bibliography/load.ts';
import { replaceWhole } from '../utils/write-whole.ts';
import type { BuildCollector } from '../integration/collector.ts';

/**
 * Writes content/anchors.json after a successful build, from the anchors the
 * briefs left (see plugins/rehype-anchor-manifest.ts). In two steps, as the
 * search index: `prepare` merges them into the manifest's new text while
 * Pagefind indexes the pages in its own process (the build's thread would
 * otherwise wait for it idle), `write` writes that text once every check
 * has passed: anchors of a site that was not published are never recorded.
 */
export function anchorManifest(collector: BuildCollector, contentDir: string): { prepare: AstroIntegration; write: AstroIntegration } {
	const file = manifestPath(contentDir);
	let text: string | undefined;
	return {
		prepare: {
			name: 'sourced:anchors-prepare',
			hooks: {
				'astro:build:done': () => {
					text = manifestText(collector.anchors(), file);
				},
			},
		},
		write: {
			name: 'sourced:anchors',
			hooks: {
				'astro:build:done': ({ logger }) => {
					if (text === undefined) return;
					// Whole or not at all, and on the disk before the build says so: a build stopped while writing it, or a
					// power cut after, leaves the last manifest or this one, never half of one.
					replaceWhole(file, text, { durable: true });
					logger.info(`updated ${displayPath(file)}: commit it with the content`);
				},
			},
		},
	};
}
