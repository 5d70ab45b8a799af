import type { Nodes, Parents, PhrasingContent, RootContent, Text } from 'mdast';
import { abbreviationSpaces, joinAbbreviations } from './abbreviations.ts';
import { findClusters, INLINE, type Cluster } from './syntax.ts';

/**
 * The inline children of one mdast node as a run of text for the citation
 * parser (syntax.ts): text as written, each other inline node (emphasis,
 * code, a link) as one U+FFFC, and for every character its offset in the
 * source and whether the author escaped it. mdast has already dropped the
 * backslash of `\@` and `\[`, so the source says which characters were
 * escaped; code, being no text node, is never read.
 */
export interface InlineRun {
	parent: Parents;
	text: string;
	/** Source offset of each character (-1 where unknown). */
	offsets: number[];
	escaped: Set<number>;
	/** For each character, the index of its child in the parent, and its index in that child's value. */
	child: number[];
	inner: number[];
}

export function inlineRun(parent: Parents, source: string): InlineRun {
	const run: InlineRun = { parent, text: '', offsets: [], escaped: new Set(), child: [], inner: [] };
	parent.children.forEach((node, k) => {
		if (node.type !== 'text') {
			run.text += INLINE;
			run.offsets.push(node.position?.start.offset ?? -1);
			run.child.push(k);
			run.inner.push(0);
			return;
		}
		const base = run.text.length;
		run.text += node.value;
		for (let i = 0; i < node.value.length; i++) {
			run.child.push(k);
			run.inner.push(i);
		}
		align(node, source, base, run);
	});
	return run;
}

/** Maps each character of a text node to the source, noting those written as `\x` or as a character reference. */
function align(node: Text, source: string, base: number, run: InlineRun): void {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	const value = node.value;
	if (start === undefined || end === undefined) {
		for (let i = 0; i < value.length; i++) run.offsets.push(-1);
		return;
	}
	const written = source.slice(start, end);
	if (written === value) {
		for (let i = 0; i < value.length; i++) run.offsets.push(start + i);
		return;
	}
	let j = 0;
	for (let i = 0; i < value.length; i++) {
		const char = value[i]!;
		let at = -1;
		for (let k = j; k < written.length && k < j + 64; k++) {
			if (written[k] === char) {
				at = k;
				j = k + 1;
				break;
			}
			if (written[k] === '\\' && written[k + 1] === char) {
				at = k + 1;
				run.escaped.add(base + i);
				j = k + 2;
				break;
			}
			const reference = written[k] === '&' ? /^&(?:#\d+|#x[\da-f]+|\w+);/i.exec(written.slice(k, k + 40)) : null;
			if (reference) {
				at = k;
				run.escaped.add(base + i);
				j = k + reference[0].length;
				break;
			}
		}
		run.offsets.push(at < 0 ? -1 : start + at);
	}
}

/** The clusters of a run; a character escaped in the source never opens or closes one. */
export const clustersOf = (run: InlineRun): Cluster[] => findClusters({ text: run.text, literal: (i) => run.escaped.has(i) });

/** The inline nodes that stand for U+FFFC characters in [start, end) of the run. */
export function inlinesIn(run: InlineRun, start: number, end: number): PhrasingContent[] {
	const nodes: PhrasingContent[] = [];
	for (let i = start; i < end; i++) if (run.text[i] === INLINE) nodes.push(run.parent.children[run.child[i]!] as PhrasingContent);
	return nodes;
}

/**
 * A stretch of the run as HTML for a citation's prefix or suffix: emphasis as `<i>`, strong as `<b>`, anything else
 * as its text; an abbreviation joined to the next word as Pandoc joins it (abbreviations.ts).
 */
export function affixHtml(run: InlineRun, start: number, end: number): string {
	const spaces = affixSpaces(run, start, end);
	let html = '';
	for (let i = start; i < end; i++) {
		const char = run.text[i]!;
		if (char !== INLINE) html += spaces.get(i) ?? (char === '\n' ? ' ' : char);
		else html += inlineHtml(run.parent.children[run.child[i]!]!);
	}
	return html;
}

/** The spaces after abbreviations in [start, end) of the run (abbreviations.ts), an escaped period ending none. */
export const affixSpaces = (run: InlineRun, start: number, end: number) =>
	abbreviationSpaces(run.text, start, end, (i) => run.escaped.has(i));

function inlineHtml(node: RootContent): string {
	const text = joinAbbreviations(plainText(node));
	if (node.type === 'emphasis') return `<i>${text}</i>`;
	if (node.type === 'strong') return `<b>${text}</b>`;
	return text;
}

/** The text of an inline node and its descendants. */
export function plainText(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return node.children.map((child) => plainText(child)).join('');
	return '';
}

/**
 * The parent's children with each cluster [start, end) of the run replaced
 * by the node `make` returns; text around it is split, inline nodes inside
 * it are dropped (they live on in the cluster's prefix or suffix).
 */
export function replaceClusters(
	run: InlineRun,
	clusters: { start: number; end: number }[],
	make: (index: number) => PhrasingContent,
): PhrasingContent[] {
	const children = run.parent.children as PhrasingContent[];
	const out: PhrasingContent[] = [];
	let at = 0;
	const keep = (from: number, to: number) => {
		let i = from;
		while (i < to) {
			const k = run.child[i]!;
			const node = children[k]!;
			if (node.type !== 'text') {
				out.push(node);
				i++;
				continue;
			}
			let j = i;
			while (j < to && run.child[j] === k) j++;
			const value = node.value.slice(run.inner[i], run.inner[j - 1]! + 1);
			out.push(value === node.value ? node : { type: 'text', value });
			i = j;
		}
	};
	clusters.forEach((cluster, index) => {
		keep(at, cluster.start);
		out.push(make(index));
		at = cluster.end;
		// Smart punctuation, applied later, sees "'s" on its own and would open a quote: after a citation it is an apostrophe.
		if (run.text[at] === "'" && /\p{L}/u.test(run.text[at + 1] ?? '')) {
			out.push({ type: 'text', value: '’' });
			at++;
		}
	});
	keep(at, run.text.length);
	return out;
}
