import './src/site-root.ts';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { anchorManifest } from './src/integrations/anchor-manifest.ts';
import { citationReport } from './src/integrations/citation-report.ts';
import { citationStage } from './src/integrations/citation-stage.ts';
import type { CitationCacheOptions } from './src/citations/cache.ts';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { contentWarnings } from './src/integrations/content-warnings.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { security } from './src/integrations/security.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { siteAddress } from './src/integrations/site-address.ts';
import { webSourcesReport } from './src/integrations/web-sources-report.ts';
import { markdownProcessor } from './src/plugins/index.ts';
import { LOCAL_SITE, site } from './src/site.config.ts';
import { basePath } from './src/utils/url.ts';

/** Filled by the citation stage's integration once Astro knows its cache directory. */
const citations: CitationCacheOptions = {};

// content → plugins (markdown.processor, inherited by MDX) → components → pages → search index
export default defineConfig({
	// The site's address (site.config.ts) and the path it is served under, e.g. /research/.
	site: site.url,
	base: basePath(),
	trailingSlash: 'always',
	markdown: { processor: markdownProcessor(citations) },
	integrations: [
		citationStage(citations),
		mdx(),
		sitemap({ filter: (page) => !page.endsWith('/404/') }),
		clientScripts(),
		linkCheck(),
		security(),
		pagefind(),
		citationReport(),
		contentWarnings(),
		webSourcesReport(),
		anchorManifest(),
		siteAddress(LOCAL_SITE),
	],
	// Tests build fixture content into their own folders without sharing a cache.
	...(process.env['SOURCED_CACHE'] ? { cacheDir: process.env['SOURCED_CACHE'] } : {}),
});
