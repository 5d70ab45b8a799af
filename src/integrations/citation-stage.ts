import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../bibliography/load.ts';
import { CACHE_ENV, type CitationCacheOptions } from '../citations/cache.ts';
import { mdxBracedCitations } from '../citations/mdx-braces.ts';

/**
 * Wires the citation stage into the build: gives the Markdown plugins and
 * the pages Astro's cache directory (`options` is the object astro.config.ts
 * handed to `markdownProcessor`), so formatted citations outlive the build, and checks
 * each `.mdx` file for Pandoc's braced citation forms before MDX reads them.
 */
export function citationStage(options: CitationCacheOptions): AstroIntegration {
	return {
		name: 'sourced:citation-stage',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				options.cacheDir = config.cacheDir;
				// The pages' stage (stage.ts) is bundled apart from this config: it finds the directory here.
				process.env[CACHE_ENV] = fileURLToPath(config.cacheDir);
				updateConfig({ vite: { plugins: [mdxBracedCitations(displayPath)] } });
			},
		},
	};
}
