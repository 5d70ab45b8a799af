import { createHash } from 'node:crypto';

/**
 * A page's `cacheKey` for Astro's incremental build (README, "How a build
 * reuses its pages"): a digest of the data the page is rendered from that
 * Astro does not track itself. Astro re-renders a page when its key, the
 * code it is built from (its module graph, `virtual:sourced/config`
 * included), the lockfile, the configuration or any brief it renders
 * changes, and copies the last build's file otherwise.
 *
 * Only plain data goes in (objects, arrays, strings, numbers, booleans,
 * null, and dates, which JSON writes as their time): anything else, a Map,
 * a Set, a RegExp, an instance of a class, would be written as `{}` or
 * left out, and a change to it missed, so it is refused instead.
 */
export function pageKey(...inputs: unknown[]): string {
	const json = JSON.stringify(inputs, (_key, value: unknown) => {
		const proto: unknown = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
		const plain =
			value === null ||
			['string', 'number', 'boolean', 'undefined'].includes(typeof value) ||
			Array.isArray(value) ||
			proto === Object.prototype ||
			proto === null;
		if (!plain)
			throw new TypeError(`pageKey: ${Object.prototype.toString.call(value)} is not plain data; pass what the page reads from it.`);
		return value;
	});
	return createHash('sha256').update(json).digest('base64url');
}
