import type { AstroIntegration } from 'astro';

/**
 * Warns, at the end of a build, when the site's address is still the local
 * default (`site` of sourced() in astro.config.ts unset): every canonical
 * link, feed, sitemap and "Cite this" URL of the build then points at 127.0.0.1.
 */
export function siteAddress(site: { url: string; local: boolean }): AstroIntegration {
	return {
		name: 'sourced:site-address',
		hooks: {
			'astro:build:done': ({ logger }) => {
				if (!site.local) return;
				logger.warn(
					[
						'',
						'!!! This site was built for the address ' + site.url.replace(/\/$/, '') + ', the local default.',
						'!!! Its canonical links, feed, sitemap, sharing cards and "Cite this" URLs all point there,',
						'!!! so it is fit to preview, not to publish. Set `site` in sourced({ … }) in astro.config.ts to the',
						'!!! address you publish at (with its path, e.g. https://example.org/research/), or build with',
						'!!!   SOURCED_SITE=https://example.org/research/ npm run build',
						'!!! (README, "Publish").',
						'',
					].join('\n'),
				);
			},
		},
	};
}
