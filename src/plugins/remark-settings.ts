import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { resolveCitationSettings, type CitationConfig } from './citation-options.ts';
import { frontmatterOf } from './frontmatter.ts';

/**
 * The first plugin: settles, from the brief's frontmatter and the site's
 * configuration, which bibliography, style and locale the brief is
 * formatted with, and leaves them on the file for the plugins after it
 * (`citationSettings(file)`). The tree is left as it is.
 *
 *   bibliography: other.bib, csl: vancouver (frontmatter)
 *   → file.data.citationSettings = { bibliography: '/…/content/other.bib', csl: 'vancouver', locale: 'en-US' }
 */
export function remarkSettings(config: CitationConfig): Transformer<Root> {
	return (_tree, file) => {
		file.data.citationSettings = resolveCitationSettings(frontmatterOf(file), config);
	};
}
