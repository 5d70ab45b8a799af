import type { Element, ElementContent, Root, Text } from 'hast';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { fromHtml } from 'hast-util-from-html';
import type { Source } from '../bibliography/load.ts';
import { referenceHref } from '../citations/stage.ts';
import { LEGEND_STATUSES, statusLabel } from '../ui/status-legend.ts';
import { strings } from '../ui/strings.ts';
import { linkify } from '../utils/linkify.ts';
import { citedSource, shortTitle } from '../integrations/source-records.ts';
import { briefPath } from '../utils/brief-record.ts';
import { citationSettings } from './citation-options.ts';
import { frontmatterOf } from './frontmatter.ts';
import { slugOf } from './rehype-block-ids.ts';
import { citationsOf, type CitationUse } from './rehype-citation-ids.ts';
import { briefCitationsOf } from './remark-citations.ts';

/**
 * Turns rehype-citation's bibliography into the brief's reference section,
 * placed after the notes, with live links and each source's verification status:
 *
 *   <div id="refs"><div class="csl-entry">Klein, Aaron. 2020. …</div></div>
 *   → <section class="references" aria-labelledby="references"><h2 id="references">References</h2>
 *       <ul><li id="bib-klein2020" class="reference" data-status="verified">
 *         <div class="csl-entry">…</div><p class="verification"><strong>Verified.</strong> …</p></li></ul></section>
 */
export function rehypeReferences(): Transformer<Root> {
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
		const items: Element[] = [];
		const previews: Element[] = [];
		// rehype-citation placed the list the citation stage formatted, entry for entry, in its order.
		const entries = refs.children.filter((node): node is Element => node.type === 'element');
		entries.forEach((entry, i) => {
			const key = prepared.bibliography[i]?.key;
			const source = key === undefined ? undefined : prepared.sources.get(key);
			if (!key || !source) throw new Error(`rehype-citation placed a reference the citation stage did not format (entry ${i + 1})`);
			linkify(entry);
			items.push(referenceItem(key, entry, source, uses.filter((use) => use.key === key)));
			const alone = fromHtml(prepared.entries[key] ?? '', { fragment: true });
			linkify(alone);
			previews.push(preview(key, alone.children.filter((n) => n.type === 'element' || n.type === 'text'), source));
		});
		// Each source becomes a search record of its own (integrations/pagefind.ts), handed to the build on the file.
		const { title, topics, published } = frontmatterOf(file) as { title?: string; topics?: string[]; published?: unknown };
		const brief = { slug: slugOf(file), title: title ?? '', topics: topics ?? [], published: timestamp(published) };
		const { bibliography } = citationSettings(file);
		file.data.sources = { page: briefPath(slugOf(file)), sources: items.map((li) => citedSource(li, brief, bibliography)) };

		tree.children.push(
			// Indexed as search records of their own (integrations/pagefind.ts), not as page text.
			el('section', { className: ['references'], ariaLabelledBy: ['references'], dataPagefindIgnore: 'all' }, [
				el('h2', { id: 'references' }, [text(strings.references)]),
				legend(),
				el('ul', { className: ['reference-list'] }, items),
			]),
			// Shown by hover, focus or long press on a citation (`interestfor`), with no script.
			el('div', { className: ['cite-previews'], dataPagefindIgnore: 'all' }, previews),
		);
	};
}

function referenceItem(key: string, entry: Element, source: Source, uses: CitationUse[]): Element {
	const blocks = [...new Map(uses.map((use) => [use.block.id, use.block])).values()];
	const item = el('li', { id: `bib-${key}`, className: ['reference'], dataStatus: source.status, dataKey: source.key }, [
		el('div', { className: ['csl-entry'] }, structuredClone(entry.children)),
		verification(source),
		el('p', { className: ['cited-in'] }, [
			text(`${strings.citedIn} `),
			...blocks.flatMap((block, i) => [
				...(i > 0 ? [text(', ')] : []),
				el('a', { href: `#${block.id}`, className: ['back-link'] }, [text(block.label)]),
			]),
		]),
	]);
	(item.data ??= {} as NonNullable<Element['data']>).shortTitle = shortTitle(source.entry);
	return item;
}

function preview(key: string, entry: ElementContent[], source: Source): Element {
	return el('div', { id: `preview-${key}`, popover: 'hint', className: ['cite-preview'] }, [
		el('div', { className: ['csl-entry'] }, entry),
		verification(source),
		el('p', { className: ['preview-links'] }, [
			// Out of the Tab order: Tab goes on from the citation whether or not its preview has opened yet.
			...(source.href ? [el('a', { href: source.href, tabIndex: -1 }, [text(strings.openSource)]), text(' · ')] : []),
			el('a', { href: referenceHref(key), tabIndex: -1 }, [text(strings.goToReference)]),
		]),
	]);
}

function verification(source: Source): Element {
	return el('p', { className: ['verification'] }, [
		el('span', { className: ['status', `status-${source.status}`] }, [text(strings.status[source.status])]),
		...(source.note ? [text(' '), el('span', { className: ['verification-note'] }, [text(source.note)])] : []),
	]);
}

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

/** A frontmatter date as ISO 8601, read as the brief schema reads it ('' if it is none), so that briefs sort by time. */
function timestamp(value: unknown): string {
	const date = value instanceof Date ? value : new Date(String(value ?? ''));
	return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const text = (value: string): Text => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
