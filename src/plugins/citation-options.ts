import path from 'node:path';
import type { VFile } from 'vfile';
import { citationDefaults, contentDir } from '../site.config.ts';

export interface CitationSettings {
	/** Absolute path of the brief's bibliography. */
	bibliography: string;
	/** Bundled CSL name, or absolute path of a .csl file. */
	csl: string;
}

const BUNDLED_STYLES = new Set(['apa', 'vancouver', 'harvard1', 'chicago', 'mla']);

/** The bibliography and style a brief asked for in its frontmatter, or the site's. */
export function citationSettings(file: VFile, root = contentDir): CitationSettings {
	const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
	const bibliography = typeof frontmatter['bibliography'] === 'string' ? frontmatter['bibliography'] : citationDefaults.bibliography;
	const csl = typeof frontmatter['csl'] === 'string' ? frontmatter['csl'] : citationDefaults.csl;
	return {
		bibliography: path.resolve(root, bibliography),
		csl: BUNDLED_STYLES.has(csl) ? csl : path.resolve(root, csl),
	};
}
