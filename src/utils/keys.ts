/**
 * A citation key as a path segment and fragment: letters, digits and `_.-`
 * as they are, anything else (`/`, `:`, `~`, …) as `~` and its code, so that
 * `knuth/mf` gets a page of its own (`/references/knuth~2fmf/`) and no two
 * keys share one.
 */
export const keySlug = (key: string) => key.replace(/[^\p{L}\p{N}_.-]/gu, (char) => `~${char.codePointAt(0)!.toString(16)}`);
