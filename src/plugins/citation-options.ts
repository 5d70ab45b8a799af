import path from 'node:path';
import type { VFile } from 'vfile';
import type { SourcedConfig } from '../integration/config.ts';

export interface CitationSettings {
	/** Absolute path of the brief's bibliography. */
	bibliography: string;
	/** Bundled CSL name, or absolute path of a .csl file (registered with citation-js once, citations/engine.ts). */
	csl: string;
	/** The CSL locale citations are formatted in. */
	locale: string;
}

/** What the settings are resolved against: the site's citation defaults and where its files are. */
export type CitationConfig = Pick<SourcedConfig, 'citations' | 'paths'>;

/** Styles citation-js carries. */
const BUNDLED_STYLES = new Set(['apa', 'vancouver', 'harvard1']);
/** Styles we keep as files (from the CSL project, CC BY-SA), in the project's src/csl/. */
const STYLE_FILES: Record<string, string> = {
	chicago: 'src/csl/chicago-author-date.csl',
	mla: 'src/csl/modern-language-association.csl',
};

/** The bibliography and style a brief is formatted with, as plugins/remark-settings.ts left them on its file. */
export function citationSettings(file: VFile): CitationSettings {
	const settings = file.data.citationSettings;
	if (!settings) throw new Error(`${file.path}: no citation settings on the file; remark-settings must run first (plugins/index.ts).`);
	return settings;
}

/** The bibliography and style a brief asked for in its frontmatter, or the site's; for plugins, pages and endpoints. */
export function resolveCitationSettings(frontmatter: { bibliography?: unknown; csl?: unknown }, { citations, paths }: CitationConfig): CitationSettings {
	const csl = typeof frontmatter['csl'] === 'string' ? frontmatter['csl'] : citations.style;
	return {
		bibliography: typeof frontmatter['bibliography'] === 'string' ? path.resolve(paths.content, frontmatter['bibliography']) : citations.bibliography,
		csl: BUNDLED_STYLES.has(csl) ? csl : STYLE_FILES[csl] ? path.join(paths.root, STYLE_FILES[csl]) : path.resolve(paths.content, csl),
		locale: citations.locale,
	};
}
