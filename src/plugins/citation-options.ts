import path from 'node:path';
import type { VFile } from 'vfile';
import { citationDefaults, contentDir, projectRoot } from '../site.config.ts';
import { frontmatterOf } from './frontmatter.ts';

export interface CitationSettings {
	/** Absolute path of the brief's bibliography. */
	bibliography: string;
	/** Bundled CSL name, or absolute path of a .csl file (registered with citation-js once, citations/engine.ts). */
	csl: string;
}

/** Styles citation-js carries. */
const BUNDLED_STYLES = new Set(['apa', 'vancouver', 'harvard1']);
/** Styles we keep as files (from the CSL project, CC BY-SA). */
const STYLE_FILES: Record<string, string> = {
	chicago: path.join(projectRoot, 'src/csl/chicago-author-date.csl'),
	mla: path.join(projectRoot, 'src/csl/modern-language-association.csl'),
};

/** The bibliography and style a brief asked for in its frontmatter, or the site's. */
export function citationSettings(file: VFile, root = contentDir): CitationSettings {
	return resolveCitationSettings(frontmatterOf(file), root);
}

/** The same, from a brief's frontmatter, for pages and endpoints. */
export function resolveCitationSettings(frontmatter: { bibliography?: unknown; csl?: unknown }, root = contentDir): CitationSettings {
	const bibliography = typeof frontmatter['bibliography'] === 'string' ? frontmatter['bibliography'] : citationDefaults.bibliography;
	const csl = typeof frontmatter['csl'] === 'string' ? frontmatter['csl'] : citationDefaults.csl;
	return {
		bibliography: path.resolve(root, bibliography),
		csl: BUNDLED_STYLES.has(csl) ? csl : (STYLE_FILES[csl] ?? path.resolve(root, csl)),
	};
}
