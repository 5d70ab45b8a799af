import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import type { VFile } from 'vfile';
import { strings } from '../ui/strings.ts';
import { warn } from '../utils/build-warnings.ts';
import { withBasePath } from '../utils/site-url.ts';
import { sourceLocation } from './source-location.ts';

export type FigureKind = 'figure' | 'table';

/** A captioned figure or table, numbered in the brief. */
export interface Numbered {
	kind: FigureKind;
	n: number;
	/** Its name in cross-references and back-links: "Figure 1", "Table 2". */
	label: string;
	/** Label and caption as plain text, citations left out: its search title. */
	title: string;
	/** The id the author gave it (`tbl-claims`), if any. */
	id?: string;
}

export interface FigureData {
	/** By element (`figure` or `table`), for rehype-block-ids. */
	numbered: Map<Element, Numbered>;
	/** By the author's id, for cross-references (rehype-figure-refs). */
	ids: Map<string, Numbered>;
	/** Caption problems, reported together with bad cross-references by rehype-figure-refs. */
	problems: string[];
}

const CAPTION = /^\s*(Figure|Table):\s*/;
const ID_AT_END = /(?:^|\s+)#((fig|tbl)-[\w-]+)\s*$/;
const PREFIX: Record<FigureKind, string> = { figure: 'fig', table: 'tbl' };
const NAME: Record<FigureKind, string> = { figure: strings.figure, table: strings.table };

interface Caption {
	kind: FigureKind;
	paragraph: Element;
	id?: string;
}

/**
 * Captions and numbers a brief's figures and tables. A paragraph that opens
 * with `Figure:` or `Table:` captions the image paragraph or table right
 * above it (or, failing that, right below it); it may end with an id
 * (`#fig-…`, `#tbl-…`) for cross-references (rehype-figure-refs):
 *
 *   <p><img src="./chart.png" alt="Bars rising from 2015 to 2019"></p>
 *   <p>Figure: Mobile payments, 2015–2019 [@klein2020]. #fig-payments</p>
 *   → <figure id="fig-payments"><a class="figure-full" href="…chart.png"><img …><span class="visually-hidden">(full-size image)</span></a>
 *       <figcaption><span class="figure-number">Figure 1:</span> Mobile payments, 2015–2019 [@klein2020].</figcaption></figure>
 *
 *   <table>…</table>
 *   <p>Table: Claims and sources. #tbl-claims</p>
 *   → <table id="tbl-claims"><caption><span class="figure-number">Table 1:</span> Claims and sources.</caption>…</table>
 *
 * Figures and tables are numbered apart, in document order. The image links
 * to its full-size file (for an image Astro optimises, the original's URL).
 * Images without alt text are warned about, with their place in the source.
 * `base`: the path the site is served under (`/research/`), before a
 * root-relative image's address.
 */
export function rehypeFigures({ base }: { base: string } = { base: '/' }): Transformer<Root> {
	return (tree, file) => {
		const data: FigureData = { numbered: new Map(), ids: new Map(), problems: [] };
		file.data.figures = data;
		const children = tree.children;

		const captions = new Map<number, Caption>();
		children.forEach((node, i) => {
			const caption = node.type === 'element' && node.tagName === 'p' ? parseCaption(node, file, data.problems) : undefined;
			if (caption) captions.set(i, caption);
			if (node.type === 'element' && node.tagName === 'table') checkCaptionRow(node, file, data.problems);
		});

		// Each caption takes the free figure or table above it, else the one below it.
		const captionOf = new Map<number, number>();
		for (const [i, caption] of captions) {
			const fits = (j: number | undefined) => j !== undefined && !captionOf.has(j) && isTarget(children[j], caption.kind);
			const [above, below] = [neighbour(children, i, -1), neighbour(children, i, 1)];
			const target = fits(above) ? above : fits(below) ? below : undefined;
			if (target === undefined) {
				data.problems.push(
					`${sourceLocation(file, caption.paragraph)}: this "${NAME[caption.kind]}:" caption stands next to no ${caption.kind === 'figure' ? 'image' : 'table'}. ` +
						`Put it directly below (or above) the ${caption.kind === 'figure' ? 'image, alone in its paragraph' : 'table'}, with a blank line between them.`,
				);
				continue;
			}
			captionOf.set(target, i);
		}

		const count: Record<FigureKind, number> = { figure: 0, table: 0 };
		const imports: RootContent[] = [];
		const replaced = new Map<number, RootContent>();
		for (const target of [...captionOf.keys()].sort((a, b) => a - b)) {
			const caption = captions.get(captionOf.get(target)!)!;
			const { kind, paragraph, id } = caption;
			const n = ++count[kind];
			const label = `${NAME[kind]} ${n}`;
			const numbered: Numbered = { kind, n, label, title: `${label}: ${plainText(paragraph)}`, ...(id ? { id } : {}) };
			const content: ElementContent[] = [
				el('span', { className: ['figure-number'] }, [text(`${label}:`)]),
				text(' '),
				...paragraph.children,
			];
			const node = children[target] as Element;
			let element: Element;
			if (kind === 'table') {
				element = node;
				element.children.unshift(el('caption', {}, content));
			} else {
				const img = imageOf(node)!;
				element = el('figure', {}, [fullSizeLink(img, file, imports, base), el('figcaption', {}, content)]);
				if (node.position) element.position = node.position;
				replaced.set(target, element);
			}
			if (id) {
				element.properties['id'] = id;
				const first = data.ids.get(id);
				if (first) {
					data.problems.push(
						`${sourceLocation(file, paragraph, `#${id}`)}: the id "${id}" is already used by ${first.label}. Give each figure and table an id of its own.`,
					);
				} else data.ids.set(id, numbered);
			}
			data.numbered.set(element, numbered);
			if (kind === 'figure') checkAlt(imageOf(node)!, numbered, file);
		}

		const used = new Set(captionOf.values());
		tree.children = [...imports, ...children.flatMap((node, i) => (used.has(i) ? [] : [replaced.get(i) ?? node]))];

		// Every image, captioned or not, needs a text alternative.
		visit(tree, 'element', (node) => {
			if (node.tagName !== 'img' || String(node.properties['alt'] ?? '').trim()) return;
			const src = String(node.properties['src'] ?? '');
			warn(
				file,
				`${sourceLocation(file, node)}: the image "${src}" has no alt text. Say what it shows between the brackets: ![A bar chart of …](${src}). ` +
					`A caption does not replace it: the caption says what the image means, the alt text what a reader who cannot see it would miss.`,
			);
		});
	};
}

/** The figures and tables rehype-figures numbered in this file. */
export const figuresOf = (file: VFile): FigureData => file.data.figures ?? { numbered: new Map(), ids: new Map(), problems: [] };

/** A `Figure:`/`Table:` paragraph, with its marker and id taken out of its text. */
function parseCaption(paragraph: Element, file: VFile, problems: string[]): Caption | undefined {
	const first = paragraph.children[0];
	const marker = first?.type === 'text' ? CAPTION.exec(first.value) : null;
	if (!first || first.type !== 'text' || !marker) return undefined;
	const kind: FigureKind = marker[1] === 'Figure' ? 'figure' : 'table';
	first.value = first.value.slice(marker[0].length);
	const last = paragraph.children.at(-1);
	let id: string | undefined;
	const found = last?.type === 'text' ? ID_AT_END.exec(last.value) : null;
	if (last?.type === 'text' && found) {
		last.value = last.value.slice(0, found.index);
		id = found[1]!;
		if (found[2] !== PREFIX[kind]) {
			const fixed = `#${PREFIX[kind]}-${id.slice(4)}`;
			problems.push(
				`${sourceLocation(file, paragraph, `#${id}`)}: a ${kind}'s id starts with "${PREFIX[kind]}-" ("${found[2]}-" is for ${found[2] === 'fig' ? 'figures' : 'tables'}). Write ${fixed}.`,
			);
		}
	}
	const stray = /#(fig|tbl)-[\w-]+/.exec(toString(paragraph));
	if (stray) {
		problems.push(
			`${sourceLocation(file, paragraph, stray[0])}: the id ${stray[0]} must end its caption, after a space ("${NAME[kind]}: What it shows. ${stray[0]}").`,
		);
	}
	return { kind, paragraph, ...(id ? { id } : {}) };
}

/** "Table: …" written right under a table, without a blank line, is read by GFM as the table's last row. */
function checkCaptionRow(table: Element, file: VFile, problems: string[]): void {
	let last: Element | undefined;
	visit(table, 'element', (node) => {
		if (node.tagName === 'tr') last = node;
	});
	const cell = last?.children.find((c): c is Element => c.type === 'element');
	if (cell && CAPTION.test(toString(cell)) && toString(last!).trim() === toString(cell).trim()) {
		problems.push(
			`${sourceLocation(file, cell)}: "${toString(cell).trim().slice(0, 40)}…" is read as the last row of the table above it. Leave a blank line between the table and its caption.`,
		);
	}
}

function checkAlt(img: Element, numbered: Numbered, file: VFile): void {
	const alt = String(img.properties['alt'] ?? '').trim();
	const caption = numbered.title.slice(numbered.label.length + 2);
	const words = (value: string) => value.replace(/\W+/g, ' ').trim().toLowerCase();
	if (alt && words(alt) === words(caption)) {
		warn(
			file,
			`${sourceLocation(file, img)}: the alt text of ${numbered.label} repeats its caption. Describe what the image shows; the caption says what it means.`,
		);
	}
}

const isTarget = (node: RootContent | undefined, kind: FigureKind) =>
	node?.type === 'element' && (kind === 'table' ? node.tagName === 'table' : imageOf(node) !== undefined);

/** The image of a paragraph that holds an image and nothing else. */
function imageOf(node: Element): Element | undefined {
	if (node.tagName !== 'p') return undefined;
	const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
	const [only] = content;
	return content.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}

/** The index of the nearest sibling that is not blank text, `step` away. */
function neighbour(children: RootContent[], i: number, step: 1 | -1): number | undefined {
	for (let j = i + step; j >= 0 && j < children.length; j += step) {
		const node = children[j]!;
		if (node.type === 'text' && !node.value.trim()) continue;
		return j;
	}
	return undefined;
}

/** A caption as plain text for search titles and labels, without its citations. */
function plainText(paragraph: Element): string {
	// Citations are already formatted here (remark-citations): spans with ids `citation--N`; leave them out.
	const withoutCitations = (node: Element): Element => ({
		...node,
		children: node.children
			.filter((child) => !(child.type === 'element' && String(child.properties['id'] ?? '').startsWith('citation--')))
			.map((child) => (child.type === 'element' ? withoutCitations(child) : child)),
	});
	return toString(withoutCitations(paragraph))
		.replace(/\s+/g, ' ')
		.replace(/\s+([.,;:)])/g, '$1')
		.replace(/\(\s*\)/g, '')
		.trim();
}

/** The MDX nodes for `<a href={image.src}>` and `import image from './chart.png'`. */
interface MdxNode {
	type: string;
	[key: string]: unknown;
}

/**
 * The image inside a link to its full-size file, which works with no script.
 * An image Astro optimises is imported, so that the link goes to the original
 * file the build emits; others link to their own address.
 */
function fullSizeLink(img: Element, file: VFile, imports: RootContent[], base: string): ElementContent {
	const src = String(img.properties['src'] ?? '');
	const content = [img, el('span', { className: ['visually-hidden'], dataPagefindIgnore: '' }, [text(` ${strings.fullSizeImage}`)])];
	const astro = file.data.astro;
	if (!astro?.localImagePaths?.includes(decodeURI(src))) {
		return el('a', { className: ['figure-full'], href: withBasePath(base, src) }, content);
	}
	const name = `__figure_full_${imports.length}__`;
	const identifier = (value: string) => ({ type: 'Identifier', name: value });
	const program = (statement: object) => ({ type: 'Program', sourceType: 'module', comments: [], body: [statement] });
	const esm: MdxNode = {
		type: 'mdxjsEsm',
		value: '',
		data: {
			estree: program({
				type: 'ImportDeclaration',
				attributes: [],
				source: { type: 'Literal', value: src, raw: JSON.stringify(src) },
				specifiers: [{ type: 'ImportDefaultSpecifier', local: identifier(name) }],
			}),
		},
	};
	imports.push(esm as unknown as RootContent);
	const href = {
		type: 'mdxJsxAttributeValueExpression',
		value: `${name}.src`,
		data: {
			estree: program({
				type: 'ExpressionStatement',
				expression: { type: 'MemberExpression', object: identifier(name), property: identifier('src'), computed: false, optional: false },
			}),
		},
	};
	const link: MdxNode = {
		type: 'mdxJsxFlowElement',
		name: 'a',
		attributes: [
			{ type: 'mdxJsxAttribute', name: 'class', value: 'figure-full' },
			{ type: 'mdxJsxAttribute', name: 'href', value: href },
		],
		children: content,
	};
	return link as unknown as ElementContent;
}

const text = (value: string) => ({ type: 'text' as const, value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});
