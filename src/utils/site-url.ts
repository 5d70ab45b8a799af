/**
 * The path a site is served under, from its address, always with a final
 * slash: `/` for `https://example.org`, `/research/` for `https://example.org/research`.
 */
export function basePath(siteUrl: string): string {
	const { pathname } = new URL(siteUrl);
	return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** A site path (`/references/`) under the base path (`/research/references/`); anything else (`#id`, `?q=`, `https://…`) as it is. */
export function withBasePath(base: string, sitePath: string): string {
	if (!sitePath.startsWith('/') || sitePath.startsWith('//')) return sitePath;
	return base.replace(/\/$/, '') + sitePath;
}

/** The absolute URL of a site path on the site at `siteUrl`. */
export function absoluteUrlOn(siteUrl: string, sitePath: string): string {
	return new URL(withBasePath(basePath(siteUrl), sitePath), siteUrl).href;
}
