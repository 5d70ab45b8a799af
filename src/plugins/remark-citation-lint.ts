import type { Root } from 'mdast';
import type { Transformer } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { bibliographyErrors, displayPath, loadBibliography } from '../bibliography/load.ts';
import { closest } from '../bibliography/suggest.ts';
import { recordCited } from '../bibliography/usage.ts';
import { citationSettings } from './citation-options.ts';
import { findCitations } from './find-citations.ts';

/** Where citations may not stand: rehype-citation would leave them as text, or nest links. */
const FORBIDDEN_PARENTS: Record<string, string> = {
	heading: 'a heading (move it into the paragraph below)',
	link: 'a link (move it outside the link text)',
	linkReference: 'a link (move it outside the link text)',
};

/**
 * Fails the build on a citation rehype-citation could not resolve, before it
 * silently leaves `[@key]` in the page:
 *
 *   As Klein shows [@klien2020].
 *   → content/briefs/x.mdx:3:16: unknown citation key "klien2020". Did you mean "klein2020"? …
 *
 * It also records which keys are cited, so the build can list those never cited,
 * and fails on the bibliography's errors that concern this brief (load.ts).
 */
export function remarkCitationLint(): Transformer<Root> {
	return (tree, file) => {
		const settings = citationSettings(file);
		const bibliography = loadBibliography(settings.bibliography);
		const { sources } = bibliography;
		const source = String(file.value);
		const problems: string[] = [];
		const cited = new Set<string>();

		visitParents(tree, 'text', (node, ancestors) => {
			const citations = findCitations(node.value);
			if (citations.length === 0) return;
			const forbidden = ancestors.map((a) => FORBIDDEN_PARENTS[a.type]).find(Boolean);
			for (const citation of citations) {
				const where = locate(source, node.position?.start.offset, citation.raw, file);
				if (forbidden) {
					problems.push(`${where}: citation ${citation.raw} sits inside ${forbidden}.`);
					continue;
				}
				for (const key of citation.keys) {
					if (sources.has(key)) {
						cited.add(key);
						continue;
					}
					const keyWhere = locate(source, node.position?.start.offset, `@${key}`, file);
					const hints = closest(key, sources.keys());
					const hint = hints.length > 0 ? ` Did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : '';
					problems.push(
						`${keyWhere}: unknown citation key "${key}".${hint} ` +
							`${displayPath(settings.bibliography)} has no entry with this key: fix the key, or add the entry to the bibliography.`,
					);
				}
			}
		});

		// The bibliography's own errors (its syntax, and the entries this brief cites) fail the build with the citations'.
		problems.unshift(...bibliographyErrors(bibliography, cited));
		if (problems.length > 0) {
			throw new Error(`Citation error${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`);
		}
		recordCited(settings.bibliography, cited);
	};
}

/** `file:line:column` of `needle`, searched from the text node's start in the source. */
function locate(source: string, from: number | undefined, needle: string, file: VFile): string {
	const offset = from === undefined ? -1 : source.indexOf(needle, from);
	const name = displayPath(file.path);
	if (offset < 0) return name;
	const before = source.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `${name}:${line}:${column}`;
}
