import type { AstroIntegration } from 'astro';

/**
 * Warns, at the end of a build, when the site's address is still the local
 * one (`local`, site.config.ts): every canonical link, feed, sitemap and
 * "Cite this" URL of the build then points at 127.0.0.1.
 */
export function siteAddress(local: string): AstroIntegration {
	let site: string | undefined;
	return {
		name: 'sourced:site-address',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site;
			},
			'astro:build:done': ({ logger }) => {
				if (site !== undefined && new URL(site).origin !== new URL(local).origin) return;
				logger.warn(
					[
						'',
						'!!! This site was built for the address ' + (site ?? local) + ', the local default.',
						'!!! Its canonical links, feed, sitemap, sharing cards and "Cite this" URLs all point there,',
						'!!! so it is fit to preview, not to publish. Set site.url in src/site.config.ts to the address',
						'!!! you publish at (with its path, e.g. https://example.org/research/), or build with',
						'!!!   SOURCED_SITE=https://example.org/research/ npm run build',
						'!!! (README, "Publish").',
						'',
					].join('\n'),
				);
			},
		},
	};
}
