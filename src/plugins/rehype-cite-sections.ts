import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import type { CitationStage } from '../citations/stage.ts';
import { sectionRecord, type BriefMeta, type SiteIdentity } from '../utils/brief-record.ts';
import { strings } from '../ui/strings.ts';
import { citationSettings } from './citation-options.ts';
import { frontmatterOf } from './frontmatter.ts';
import { slugOf } from './rehype-block-ids.ts';

/**
 * Puts a "Cite this section" disclosure after each section heading, with the
 * section formatted in the brief's CSL style and its anchor as pinpoint:
 *
 *   <h2 id="fintech">Fintech</h2>
 *   → <h2 id="fintech">Fintech</h2><details class="cite-section">…“Fintech.” In <i>…</i>. Sourced. https://…/#fintech.</details>
 *
 * `stage`: the build's citation stage; `site`: the site's name and address, the publisher and URL of the citation.
 */
export function rehypeCiteSections({ stage, site }: { stage: CitationStage; site: SiteIdentity }): Transformer<Root> {
	return (tree, file) => {
		const meta = frontmatterOf(file) as Partial<BriefMeta>;
		if (!meta?.title || !meta.authors || !meta.published) return;
		const slug = slugOf(file);
		const headings = tree.children.filter(
			(node): node is Element => node.type === 'element' && node.tagName === 'h2' && typeof node.properties['id'] === 'string',
		);
		const records = headings.map((h) =>
			sectionRecord(slug, meta as BriefMeta, { id: String(h.properties['id']), title: toString(h).trim() }, site),
		);
		// All sections with one registration in the build's engine, each entry standing alone (no year letters).
		const { csl, locale } = citationSettings(file);
		const formatted = stage.records(records, csl, locale);
		const boxes = new Map(
			headings.map((heading, i) => [heading, citeBox(formatted[records[i]!.id] ?? '', `cite-section-${heading.properties['id']}`)]),
		);
		tree.children = tree.children.flatMap((node) => {
			const box = node.type === 'element' ? boxes.get(node) : undefined;
			return box ? [node, box] : [node];
		});
	};
}

/**
 * A disclosure beside the section's copy-link button (rehype-link-buttons puts
 * it there): a short "Cite" that opens the formatted citation and its copy
 * button (enabled by its script).
 */
function citeBox(html: string, id: string): Element {
	const formatted = fromHtml(html, { fragment: true }).children.filter((n) => n.type === 'element' || n.type === 'text');
	return {
		type: 'element',
		tagName: 'details',
		properties: { className: ['cite-section'], dataPagefindIgnore: 'all' },
		children: [
			{
				type: 'element',
				tagName: 'summary',
				properties: {},
				children: [
					{ type: 'text', value: strings.cite },
					{
						type: 'element',
						tagName: 'span',
						properties: { className: ['visually-hidden'] },
						children: [{ type: 'text', value: strings.citeSectionRest }],
					},
				],
			},
			{
				type: 'element',
				tagName: 'div',
				properties: { className: ['cite-panel'] },
				children: [
					// A div: numeric styles format an entry with blocks of their own.
					{ type: 'element', tagName: 'div', properties: { id, className: ['formatted-citation'] }, children: formatted },
					{
						type: 'element',
						tagName: 'button',
						properties: { type: 'button', className: ['copy-button'], dataLoad: 'c', dataCopy: id, disabled: true },
						children: [{ type: 'text', value: strings.copyCitation }],
					},
				],
			},
		],
	};
}
