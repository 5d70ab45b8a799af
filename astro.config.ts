import type { AstroUserConfig } from 'astro';
import { sourced, type SourcedOptions } from './src/integration/index.ts';

/**
 * The site's settings (README, "Configuration"); every one has a default.
 * Tests and scripts build with these too, adding their own content folder.
 */
export const site = {
	name: 'Sourced',
	// Where the site is published, with its path if it has one; SOURCED_SITE overrides it for one deploy (README, "Publish").
	site: 'http://127.0.0.1:4321/',
	lang: 'en',
	content: 'content',
	bibliography: 'bibliography.bib',
	// Chicago Manual of Style, 17th edition, author-date.
	style: 'chicago',
	locale: 'en-US',
	strictVerification: false,
	briefsPerPage: 20,
	citingBriefsListed: 5,
} satisfies SourcedOptions;

// Typed by `satisfies`, not by `defineConfig` (which returns what it is given): the module that exports it,
// `astro/config`, loads Astro's SVG optimiser and its CSS parsers: 280 modules more than Astro itself, which took
// 0.2–0.3 s to import after it (Node, measured), paid by every command that loads this file, for a function that does
// nothing at run time.
export default { integrations: [sourced(site)] } satisfies AstroUserConfig;
