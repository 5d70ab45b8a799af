import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { accessOf, formatParts, isoParts, isWebSource, type Access } from '../bibliography/access.ts';
import { bibliographyItems } from '../citations/stage.ts';
import { strings } from '../ui/strings.ts';
import { citationSettings } from './citation-options.ts';
import { briefCitationsOf } from './remark-citations.ts';

/**
 * Under each reference entry and in its preview, when the source was read
 * (`urldate`) and where a copy is kept (`archiveurl`, bibliography/access.ts),
 * unless the style has printed the date already:
 *
 *   <li id="bib-doe2024"><div class="csl-entry">Doe, Jane. 2024. “Page.” https://example.org/x.</div>…
 *   → <li id="bib-doe2024"><div class="csl-entry">…</div>
 *       <p class="access">Accessed <time datetime="2025-05-03">3 May 2025</time> · <a href="https://web.archive.org/…">Archived copy</a> (archived 2 May 2025)</p>…
 *
 * Cited web sources with neither are left on the file (`file.data.unrecordedAccess`) for the build's
 * summary (integrations/web-sources-report.ts).
 */
export function rehypeAccess(): Transformer<Root> {
	return (tree, file) => {
		const prepared = briefCitationsOf(file);
		if (!prepared || prepared.bibliography.length === 0) return;
		const { bibliography } = citationSettings(file);
		const items = bibliographyItems(bibliography);
		const targets = new Map<string, Element[]>();
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (typeof id !== 'string') return;
			const key = id.startsWith('bib-') && node.tagName === 'li' ? id.slice(4) : id.startsWith('preview-') ? id.slice(8) : undefined;
			if (key !== undefined) targets.set(key, [...(targets.get(key) ?? []), node]);
		});
		for (const { key } of prepared.bibliography) {
			const source = prepared.sources.get(key);
			if (!source) continue;
			const csl = items.get(key);
			const access = accessOf(source.entry.fields, csl);
			if (!access.accessed && !access.archiveUrl && isWebSource(source.entry, csl)) (file.data.unrecordedAccess ??= []).push(key);
			for (const target of targets.get(key) ?? []) {
				const entry = target.children.findIndex((child) => child.type === 'element' && (child.properties['className'] as string[] | undefined)?.includes('csl-entry'));
				if (entry < 0) continue;
				const line = accessLine(access, toString(target.children[entry]!));
				if (line) target.children.splice(entry + 1, 0, line);
			}
		}
	};
}

function accessLine(access: Access, entryText: string): Element | undefined {
	const parts: ElementContent[][] = [];
	if (access.accessed && !printed(entryText, access.accessed)) {
		const [before, after] = strings.accessed('\0').split('\0') as [string, string];
		parts.push([text(before), el('time', { dateTime: isoParts(access.accessed) }, [text(formatParts(access.accessed))]), text(after)]);
	}
	if (access.archiveUrl) {
		parts.push([
			el('a', { href: access.archiveUrl, className: ['archived-copy'] }, [text(strings.archivedCopy)]),
			...(access.archived ? [text(` (${strings.archivedOn(formatParts(access.archived))})`)] : []),
		]);
	}
	if (parts.length === 0) return undefined;
	return el('p', { className: ['access'] }, parts.flatMap((part, i) => (i > 0 ? [text(' · '), ...part] : part)));
}

/** Whether the style printed the access date already ("Accessed May 3, 2025", "Retrieved …", "[cited 2025 May 3]"). */
const printed = (entryText: string, [year]: number[]) => new RegExp(`\\b(?:accessed|retrieved|cited)\\b[^.]*\\b${year}\\b`, 'i').test(entryText);

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
