import type { Element, ElementContent, Root, Text } from 'hast';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { fromHtml } from 'hast-util-from-html';
import type { Source } from '../bibliography/load.ts';
import { referenceHref, type CitationStage } from '../citations/stage.ts';
import { entryHtml } from '../sources/entry.ts';
import { citing, citingBrief } from '../sources/model.ts';
import { LEGEND_STATUSES, statusLabel } from '../ui/status-legend.ts';
import { strings } from '../ui/strings.ts';
import { briefPath } from '../utils/brief-record.ts';
import { citationSettings, type CitationConfig } from './citation-options.ts';
import { frontmatterOf } from './frontmatter.ts';
import { slugOf } from './rehype-block-ids.ts';
import { citationsOf, type CitedBlock } from './rehype-citation-ids.ts';
import { briefCitationsOf } from './remark-citations.ts';

/**
 * Turns rehype-citation's bibliography into the brief's reference section,
 * placed after the notes, each entry written as everywhere else (sources/entry.ts)
 * with the paragraphs citing it, and each source's preview:
 *
 *   <div id="refs"><div class="csl-entry">Klein, Aaron. 2020. …</div></div>
 *   → <section class="references" aria-labelledby="references"><h2 id="references">References</h2>
 *       <ul><li id="bib-klein2020" class="reference" data-status="verified">
 *         <div class="csl-entry">…</div><p class="verification">…</p><span class="Z3988" …></span>
 *         <p class="cited-in">Cited in: <a href="#digital-payments-p1" class="back-link">Digital payments ¶1</a></p></li></ul></section>
 *     <div class="cite-previews"><div id="preview-klein2020" popover="hint" class="cite-preview">…</div></div>
 */
export function rehypeReferences({ config, stage }: { config: CitationConfig; stage: CitationStage }): Transformer<Root> {
	return (tree, file) => {
		let refs: Element | undefined;
		visit(tree, 'element', (node, index, parent) => {
			if (node.properties['id'] !== 'refs' || !parent || index === undefined) return;
			refs = node;
			parent.children.splice(index, 1);
			return index;
		});
		const prepared = briefCitationsOf(file);
		if (!refs || !prepared) return;

		const uses = citationsOf(file);
		const items = stage.items(citationSettings(file).bibliography);
		const references: Element[] = [];
		const previews: Element[] = [];
		// The list the citation stage formatted, entry for entry, in the style's order (rehype-citation placed the same).
		for (const { key, html } of prepared.bibliography) {
			const found = prepared.sources.get(key);
			if (!found) throw new Error(`the citation stage formatted a reference it has no source for ("${key}")`);
			const source = { ...found, csl: items.get(key) ?? found.csl };
			references.push(referenceItem(key, source, html, citing(uses, key).blocks));
			previews.push(preview(key, source, prepared.entries[key] ?? ''));
		}
		// Each source becomes a search record of its own (integrations/pagefind.ts, through the source model).
		file.data.sources = { page: briefPath(slugOf(file)), brief: citingBrief(slugOf(file), frontmatterOf(file), uses, config) };

		tree.children.push(
			// Indexed as search records of their own (integrations/pagefind.ts), not as page text.
			el('section', { className: ['references'], ariaLabelledBy: ['references'], dataPagefindIgnore: 'all' }, [
				el('h2', { id: 'references' }, [text(strings.references)]),
				legend(),
				el('ul', { className: ['reference-list'] }, references),
			]),
			// Shown by hover, focus or long press on a citation (`interestfor`), with no script.
			el('div', { className: ['cite-previews'], dataPagefindIgnore: 'all' }, previews),
		);
	};
}

/** The entry (sources/entry.ts), then every block of the brief citing it. */
function referenceItem(key: string, source: Source, html: string, blocks: CitedBlock[]): Element {
	return el('li', { id: `bib-${key}`, className: ['reference'], dataStatus: source.status, dataKey: source.key }, [
		...fragment(entryHtml(source, html)),
		el('p', { className: ['cited-in'] }, [
			text(`${strings.citedIn} `),
			...blocks.flatMap((block, i) => [
				...(i > 0 ? [text(', ')] : []),
				el('a', { href: `#${block.id}`, className: ['back-link'] }, [text(block.label)]),
			]),
		]),
	]);
}

/** The entry standing alone, as on /references/ (without its COinS: the list has them), and links to the source and the entry. */
function preview(key: string, source: Source, html: string): Element {
	return el('div', { id: `preview-${key}`, popover: 'hint', className: ['cite-preview'] }, [
		...fragment(entryHtml(source, html, { coins: false })),
		el('p', { className: ['preview-links'] }, [
			// Out of the Tab order: Tab goes on from the citation whether or not its preview has opened yet.
			...(source.href ? [el('a', { href: source.href, tabIndex: -1 }, [text(strings.openSource)]), text(' · ')] : []),
			el('a', { href: referenceHref(key), tabIndex: -1 }, [text(strings.goToReference)]),
		]),
	]);
}

const fragment = (html: string): ElementContent[] =>
	fromHtml(html, { fragment: true }).children.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text');

/** What each verification status means, above the list that shows them. */
function legend(): Element {
	return el('div', { className: ['status-legend'] }, [
		el('p', { className: ['status-legend-title'] }, [text(strings.statusLegend)]),
		el(
			'dl',
			{},
			LEGEND_STATUSES.map((status) =>
				el('div', {}, [
					el('dt', {}, [el('span', { className: ['status', `status-${status}`] }, [text(statusLabel(status))])]),
					el('dd', {}, [text(strings.statusMeaning[status])]),
				]),
			),
		),
	]);
}

const text = (value: string): Text => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
