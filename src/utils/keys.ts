import path from 'node:path';

/**
 * A citation key as a path segment and fragment: letters, digits and `_.-`
 * as they are, anything else (`/`, `:`, `~`, …) as `~` and its code, so that
 * `knuth/mf` gets a page of its own (`/references/knuth~2fmf/`) and no two
 * keys share one.
 */
export const keySlug = (key: string) => key.replace(/[^\p{L}\p{N}_.-]/gu, (char) => `~${char.codePointAt(0)!.toString(16)}`);

/**
 * A source's name in URLs (`/references/<slug>/`, `#source-<slug>`): its key
 * made safe for a path; a work from a brief's own bibliography also names
 * that file (`knuth~3amf~~other`), so that one key in two bibliographies
 * names two pages, and every page that names a source agrees on it.
 * `siteBibliography`: the site's own (absolute path).
 */
export function sourceSlug(bibliography: string, key: string, siteBibliography: string): string {
	if (bibliography === siteBibliography) return keySlug(key);
	return `${keySlug(key)}~~${keySlug(path.basename(bibliography, path.extname(bibliography)))}`;
}
