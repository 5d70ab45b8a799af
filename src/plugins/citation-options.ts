import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { citationDefaults, contentDir, projectRoot } from '../site.config.ts';
import { displayPath } from '../bibliography/load.ts';
import { lineIndex } from '../bibliography/parse-bibtex.ts';
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

/** The styles a brief can name, for messages. */
const STYLE_NAMES = 'chicago (the default), apa, harvard1, mla or vancouver (numeric)';

/**
 * Why the brief's style cannot be used, or undefined: a .csl file that is
 * not there, or a note style (`<style class="note">`, Chicago notes and
 * bibliography, OSCOLA…), whose citations belong in footnotes. Sourced puts
 * each citation in the text, where the reader's eye is, with a preview and a
 * reference list, so it takes only in-text styles (author-date, author,
 * numeric). The message points at the frontmatter's `csl:` value.
 */
export function styleProblem(file: VFile, csl = citationSettings(file).csl): string | undefined {
	if (BUNDLED_STYLES.has(csl)) return undefined;
	const written = frontmatterOf(file)['csl'];
	const where = cslLocation(file);
	const named = typeof written === 'string' ? `csl "${written}"` : `the site's style (citationDefaults.csl in src/site.config.ts)`;
	if (!existsSync(csl)) {
		return `${where}: ${named}: there is no file ${displayPath(csl)}. Name a bundled style, ${STYLE_NAMES}, or the path of a .csl file relative to content/.`;
	}
	const style = /<style\b[^>]*>/.exec(readFileSync(csl, 'utf8'))?.[0] ?? '';
	const kind = /\bclass\s*=\s*["']([^"']*)["']/.exec(style)?.[1];
	if (kind === 'note') {
		return (
			`${where}: ${named} is a note style (class="note"): its citations belong in footnotes, and Sourced prints each citation in the text, ` +
			`with its preview and the reference list. Note styles are not supported. Use an author-date or numeric style: ${STYLE_NAMES}, ` +
			`or a .csl file whose <style> has class="in-text".`
		);
	}
	return undefined;
}

/** `file:line:column` of the brief's `csl:` value, read from the file itself (Astro hands plugins the text without its frontmatter). */
function cslLocation(file: VFile): string {
	const name = file.path ? displayPath(file.path) : 'the brief';
	let source = '';
	try {
		source = file.path ? readFileSync(file.path, 'utf8') : '';
	} catch {
		return name;
	}
	const block = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	const field = block ? /^csl:[ \t]*/m.exec(block[1]!) : null;
	if (!block || !field) return name;
	const { line, column } = lineIndex(source)(block.index + block[0].indexOf(block[1]!) + field.index + field[0].length);
	return `${name}:${line}:${column}`;
}
