import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { SourcedConfig } from '../integration/config.ts';
import { displayPath } from '../bibliography/load.ts';
import { lineIndex } from '../bibliography/parse-bibtex.ts';
import { frontmatterOf } from './frontmatter.ts';

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
export const BUNDLED_STYLES = new Set(['apa', 'vancouver', 'harvard1']);
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
export function resolveCitationSettings(
	frontmatter: { bibliography?: unknown; csl?: unknown },
	{ citations, paths }: CitationConfig,
): CitationSettings {
	const csl = typeof frontmatter['csl'] === 'string' ? frontmatter['csl'] : citations.style;
	return {
		bibliography:
			typeof frontmatter['bibliography'] === 'string' ? path.resolve(paths.content, frontmatter['bibliography']) : citations.bibliography,
		csl: BUNDLED_STYLES.has(csl) ? csl : STYLE_FILES[csl] ? path.join(paths.root, STYLE_FILES[csl]) : path.resolve(paths.content, csl),
		locale: citations.locale,
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
	const kind = styleClass(csl);
	if (kind !== 'missing' && kind !== 'note') return undefined;
	const written = frontmatterOf(file)['csl'];
	const where = cslLocation(file);
	const named = typeof written === 'string' ? `csl "${written}"` : `the site's style (sourced({ style }) in astro.config.ts)`;
	if (kind === 'missing') {
		return `${where}: ${named}: there is no file ${displayPath(csl)}. Name a bundled style, ${STYLE_NAMES}, or the path of a .csl file relative to content/.`;
	}
	return (
		`${where}: ${named} is a note style (class="note"): its citations belong in footnotes, and Sourced prints each citation in the text, ` +
		`with its preview and the reference list. Note styles are not supported. Use an author-date or numeric style: ${STYLE_NAMES}, ` +
		`or a .csl file whose <style> has class="in-text".`
	);
}

/** Each style file's class (`in-text`, `note`), or `missing`: read once per file, not once per brief. */
const styleClasses = new Map<string, string>();
function styleClass(csl: string): string {
	let kind = styleClasses.get(csl);
	if (kind === undefined) {
		const style = existsSync(csl) ? (/<style\b[^>]*>/.exec(readFileSync(csl, 'utf8'))?.[0] ?? '') : undefined;
		kind = style === undefined ? 'missing' : (/\bclass\s*=\s*["']([^"']*)["']/.exec(style)?.[1] ?? '');
		// A missing file may be added while `astro dev` runs: only what was found is kept.
		if (kind !== 'missing') styleClasses.set(csl, kind);
	}
	return kind;
}

/** `file:line:column` of the brief's `csl:` value, read from the file itself (Astro hands plugins the text without its frontmatter). */
function cslLocation(file: VFile): string {
	const name = file.path ? displayPath(file.path) : 'the brief';
	let source: string;
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
