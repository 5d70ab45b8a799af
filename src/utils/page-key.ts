import { createHash } from 'node:crypto';

/**
 * A page's `cacheKey` for Astro's incremental build (README, "How a build
 * reuses its pages"): a digest of the data the page is rendered from that
 * Astro does not track itself. Astro re-renders a page when its key, the
 * code it is built from (its module graph, `virtual:sourced/config`
 * included), the lockfile, the configuration or any brief it renders
 * changes, and copies the last build's file otherwise.
 *
 * Only plain data goes in: a Map, Set or function would be written as `{}`
 * and a change to it missed, so it is refused instead.
 */
export function pageKey(...inputs: unknown[]): string {
	const json = JSON.stringify(inputs, (_key, value: unknown) => {
		if (value instanceof Map || value instanceof Set || typeof value === 'function' || typeof value === 'symbol')
			throw new TypeError(`pageKey: ${Object.prototype.toString.call(value)} is not plain data; pass what the page reads from it.`);
		return value;
	});
	return createHash('sha256').update(json).digest('base64url');
}
