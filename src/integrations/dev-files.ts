import type { AstroIntegration } from 'astro';

/**
 * The address under which `astro dev` serves a brief's file, for the address
 * a page links to: `/briefs/<slug>/references.bib` → `/briefs/<slug>/references.bib/`.
 *
 * The routes of a brief's files (`[file].ts`, the downloads; `[...card].ts`,
 * its sharing card) name the file by a parameter, and Astro then matches
 * them, as it matches pages, only with the trailing slash of
 * `trailingSlash: 'always'`. A build writes them as files, so the built
 * site serves them at their own addresses; `astro dev` answered the links of
 * a brief page with a 404. Any other address is left as it is.
 *
 * `url` is the address as the middlewares of `astro:server:setup` see it:
 * Astro's own, which run first, have taken the site's base path off it.
 */
export function devFileAddress(url: string): string {
	const query = url.indexOf('?');
	const pathname = query < 0 ? url : url.slice(0, query);
	if (!pathname.startsWith('/briefs/')) return url;
	const rest = pathname.slice('/briefs/'.length).split('/');
	const isFile = rest.length === 2 && rest[0] !== '' && /^[^.]+\.[a-z]+$/.test(rest[1] ?? '');
	return isFile ? `${pathname}/${query < 0 ? '' : url.slice(query)}` : url;
}

/** `astro dev` serves a brief's files at the addresses its pages link to (devFileAddress). */
export function devFiles(): AstroIntegration {
	return {
		name: 'sourced:dev-files',
		hooks: {
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, _response, next) => {
					if (request.url) request.url = devFileAddress(request.url);
					next();
				});
			},
		},
	};
}
