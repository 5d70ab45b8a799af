import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { textFragmentUrl, type QuotedItem } from '../citations/evidence.ts';
import { referenceHref, type CitationStage } from '../citations/stage.ts';
import { strings } from '../ui/strings.ts';
import { citationSettings } from './citation-options.ts';
import { citationsOf } from './rehype-citation-ids.ts';
import { briefCitationsOf } from './remark-citations.ts';

/**
 * Shows the passage a citation quotes (citations/evidence.ts) where the
 * reader looks for it: in a preview of its own, opened by the citation's
 * link (hover, focus) and by a small button after it (a tap), and under
 * the reference's "Cited in", each with a link that opens the source at the
 * passage (a text fragment) when the source has a URL. (The quotations reach
 * the source's search record with the citation's use: rehype-citation-ids.ts.)
 *
 *   <span id="cite-fintech-p1-zhou2022" class="citation" data-quotes='[{"item":0,"key":"zhou2022","quote":"traced back to 1993"}]'>
 *     (<a href="#bib-zhou2022" interestfor="preview-zhou2022">Zhou 2022</a>)</span>
 *   → <span id="cite-fintech-p1-zhou2022" class="citation">(<a href="#bib-zhou2022" interestfor="passage-cite-fintech-p1-zhou2022">Zhou 2022</a>)</span>
 *     <button type="button" class="passage-button" popovertarget="passage-cite-fintech-p1-zhou2022" aria-label="Show the passage quoted from Zhou 2022">”</button>
 *     … <div id="passage-cite-fintech-p1-zhou2022" popover="hint" class="cite-preview">…<blockquote class="passage">…</blockquote>…</div>
 */
export function rehypePassages({ stage }: { stage: CitationStage }): Transformer<Root> {
	return (tree, file) => {
		const prepared = briefCitationsOf(file);
		if (!prepared || prepared.bibliography.length === 0) return;
		const items = stage.items(citationSettings(file).bibliography);
		const uses = citationsOf(file);
		const previews = new Map<string, Element>();
		const references = new Map<string, Element>();
		let previewList: Element | undefined;
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (hasClass(node, 'cite-previews')) previewList = node;
			if (typeof id !== 'string') return;
			if (id.startsWith('preview-')) previews.set(id.slice('preview-'.length), node);
			if (id.startsWith('bib-') && node.tagName === 'li') references.set(id.slice('bib-'.length), node);
		});

		const quoted = new Map<string, { quote: string; id: string; block: { id: string; label: string } }[]>();
		visit(tree, 'element', (span, index, parent) => {
			const data = span.properties['dataQuotes'];
			if (typeof data !== 'string' || !parent || index === undefined) return;
			delete span.properties['dataQuotes'];
			const citation = String(span.properties['id']);
			const block = uses.find((use) => use.id === citation)?.block ?? { id: citation, label: '' };
			const links = linksOf(span);
			const buttons: ElementContent[] = [];
			const seen = new Map<string, number>();
			(JSON.parse(data) as QuotedItem[]).forEach(({ key, quote }, n) => {
				const nth = seen.get(key) ?? 0;
				seen.set(key, nth + 1);
				const link = links.filter((a) => a.properties['href'] === referenceHref(key))[nth];
				const id = `passage-${citation}${n === 0 ? '' : `-${n + 1}`}`;
				const url = items.get(key)?.URL;
				const preview = previews.get(key);
				if (preview && previewList) previewList.children.push(passagePreview(preview, id, quote, url));
				if (link) link.properties['interestfor'] = id;
				buttons.push(passageButton(id, link ? toString(link) : key));
				quoted.set(key, [...(quoted.get(key) ?? []), { quote, id, block }]);
			});
			parent.children.splice(index + 1, 0, ...buttons);
			return index + 1 + buttons.length;
		});

		for (const [key, passages] of quoted) {
			const url = items.get(key)?.URL;
			references.get(key)?.children.push(
				el('div', { className: ['passages'] }, [
					el('p', { className: ['passages-heading'] }, [text(strings.passagesQuoted)]),
					el(
						'ul',
						{},
						// Every list item of a brief has an id (README, "Links that last"): `quote-<citation id>`.
						passages.map(({ quote, id, block }) =>
							el('li', { id: id.replace(/^passage-/, 'quote-') }, [
								passageQuote(quote, url),
								el('p', { className: ['passage-links'] }, [
									el('a', { href: `#${block.id}`, className: ['back-link'] }, [text(block.label || block.id)]),
									...(url ? [text(' · '), el('a', { href: textFragmentUrl(url, quote) }, [text(strings.findPassage)])] : []),
								]),
							]),
						),
					),
				]),
			);
		}
	};
}

/** A copy of the source's preview with the passage after the entry and a link to it in the source first among its links. */
function passagePreview(preview: Element, id: string, quote: string, url: string | undefined): Element {
	const copy = structuredClone(preview);
	copy.properties['id'] = id;
	const entry = copy.children.findIndex((child) => child.type === 'element' && hasClass(child, 'csl-entry'));
	copy.children.splice(entry + 1, 0, passageQuote(quote, url));
	const links = copy.children.find((child): child is Element => child.type === 'element' && hasClass(child, 'preview-links'));
	if (links && url) links.children.unshift(el('a', { href: textFragmentUrl(url, quote) }, [text(strings.findPassage)]), text(' · '));
	return copy;
}

function passageQuote(quote: string, url: string | undefined): Element {
	return el('blockquote', { className: ['passage'], ...(url ? { cite: url } : {}) }, [el('p', {}, [text(`“${quote}”`)])]);
}

/** A button after the citation that opens the passage's preview: by a tap, a click or the keyboard, with no script. */
function passageButton(id: string, citation: string): Element {
	return el(
		'button',
		{
			type: 'button',
			className: ['passage-button'],
			popoverTarget: id,
			ariaLabel: strings.showPassage(citation),
			dataPagefindIgnore: 'all',
		},
		[el('span', { ariaHidden: 'true' }, [text('”')])],
	);
}

function linksOf(node: Element): Element[] {
	const links: Element[] = [];
	visit(node, 'element', (child) => {
		if (child.tagName === 'a') links.push(child);
	});
	return links;
}

const hasClass = (node: Element, name: string) => {
	const classes = node.properties['className'];
	return Array.isArray(classes) && classes.includes(name);
};
const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
