import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Data, Node, PhrasingContent, Root } from 'mdast';
import type { Transformer } from 'unified';
import { visit, visitParents } from '../utils/visit.ts';
import type { VFile } from 'vfile';
import { bibliographyErrors, displayPath, type Bibliography, type Source } from '../bibliography/load.ts';
import { lineIndex } from '../bibliography/parse-bibtex.ts';
import { closest } from '../bibliography/suggest.ts';
import type { ClusterInput, ClusterItem } from '../citations/engine.ts';
import { liftQuotes, quoteProblem, quotesData, type Lifted } from '../citations/evidence.ts';
import { affixHtml, affixSpaces, clustersOf, inlineRun, plainText, replaceClusters, type InlineRun } from '../citations/mdast.ts';
import { parseLocator, tokenize, type Token } from '../citations/parse-locator.ts';
import { termsFor, type CitationStage } from '../citations/stage.ts';
import { INLINE, type CiteItem, type Cluster } from '../citations/syntax.ts';
import { citationSettings, styleProblem } from './citation-options.ts';
import { smartRest } from './remark-smart-punctuation.ts';
import { warn } from '../utils/build-warnings.ts';

/** A formatted citation in the Markdown tree; remark-rehype makes it the `<span>` in `data`. */
export interface Citation extends Node {
	type: 'citation';
	data: Data & { hName: 'span'; hProperties: { id: string; dataWritten: string; dataQuotes?: string }; hChildren: ElementContent[] };
}

declare module 'mdast' {
	interface PhrasingContentMap {
		citation: Citation;
	}
	interface RootContentMap {
		citation: Citation;
	}
}

/** What the citation stage leaves for the rehype plugins, on `file.data`. */
export interface BriefCitations {
	/** The brief's reference list, in the style's order, as HTML per key. */
	bibliography: { key: string; html: string }[];
	/** Each cited work's entry standing alone (for its preview), as on /references/. */
	entries: Record<string, string>;
	sources: Map<string, Source>;
}

export const briefCitationsOf = (file: VFile): BriefCitations | undefined => file.data.briefCitations;

/**
 * GFM reads a key with a dot whose author is suppressed (`[-@Foo_bar.baz]`)
 * as an e-mail address whose name is `-`, and links it; Pandoc reads a
 * citation, and so do we: no one's address is `-@…`, so such a link goes
 * back to being its text. (It stopped the build with "sits inside a link".)
 */
function unlinkSuppressedKeys(tree: Root): void {
	visit(tree, 'link', (node, index, parent) => {
		const [text] = node.children;
		if (!parent || index === undefined || node.children.length !== 1 || text?.type !== 'text') return;
		if (!text.value.startsWith('-@') || node.url !== `mailto:${text.value}`) return;
		parent.children[index] = text;
	});
}

/** Where a citation may not stand: a link inside a link, or a heading that names a section. */
const FORBIDDEN_PARENTS: Record<string, string> = {
	heading: 'a heading (move it into the paragraph below)',
	link: 'a link (move it outside the link text)',
	linkReference: 'a link (move it outside the link text)',
};

/**
 * The citation stage: reads Pandoc's citation syntax (citations/syntax.ts)
 * in the Markdown tree, where code and escaped characters are not text,
 * checks every key, then formats the brief's clusters and its reference
 * list with one citeproc registration (citations/stage.ts):
 *
 *   As @klein2020 [p. 4] shows [see @zhou2022, chap. 2; @li2021].
 *   → As <span id="citation--1"><a href="#bib-klein2020">Klein (2020, 4)</a></span> shows
 *     <span id="citation--2">(see <a href="#bib-zhou2022">Zhou 2022, chap. 2</a>; <a href="#bib-li2021">Li 2021</a>)</span>.
 *
 * It fails the build with every problem of the brief at once (the
 * bibliography's, unknown keys with the closest key, citations in headings
 * or links), each as `file:line:column`. `stage`: the build's citation stage;
 * `strictVerification`: the site's (astro.config.ts). The keys it cites are
 * left on the file (`file.data.cited`) for the build's report.
 */
export function remarkCitations({ stage, strictVerification }: { stage: CitationStage; strictVerification: boolean }): Transformer<Root> {
	return (tree, file) => {
		const settings = citationSettings(file);
		const source = String(file.value);
		const where = locator(file, source);
		const problems: string[] = [];
		const style = styleProblem(file, settings.csl);
		if (style) problems.push(style);
		let sources = new Map<string, Source>();
		let bibliography: Bibliography | undefined;
		try {
			bibliography = stage.bibliography(settings.bibliography, { strictVerification });
			sources = bibliography.sources;
		} catch (error) {
			problems.push(error instanceof Error ? error.message : String(error));
		}
		const cited = new Set<string>();

		const found: { run: InlineRun; clusters: Cluster[] }[] = [];
		// Quotations lifted from suffixes (citations/evidence.ts): shown in previews, not in the citation.
		const quotes = new Map<CiteItem, Lifted>();
		unlinkSuppressedKeys(tree);
		visitParents(tree, (node, ancestors) => {
			if (!('children' in node) || !node.children.some((child) => child.type === 'text')) return;
			const run = inlineRun(node, source);
			const clusters = clustersOf(run);
			if (clusters.length === 0) return;
			const forbidden = [...ancestors, node].map((a) => FORBIDDEN_PARENTS[a.type]).find(Boolean);
			for (const cluster of clusters) {
				if (forbidden) {
					problems.push(`${where(run.offsets[cluster.start])}: citation ${written(run, cluster, source)} sits inside ${forbidden}.`);
					continue;
				}
				for (const [item, lifted] of liftQuotes(run, cluster)) {
					quotes.set(item, lifted);
					const problem = quoteProblem(lifted, item.key);
					if (problem) problems.push(`${where(run.offsets[lifted.mark])}: ${problem}`);
				}
				for (const item of cluster.items) {
					cited.add(item.key);
					if (sources.size === 0 || sources.has(item.key)) continue;
					const hints = closest(item.key, sources.keys());
					const hint = hints.length > 0 ? ` Did you mean ${hints.map((h) => `"${h}"`).join(' or ')}?` : '';
					problems.push(
						`${where(run.offsets[item.suppressAuthor ? item.at + 1 : item.at])}: unknown citation key "${item.key}".${hint} ` +
							`${displayPath(settings.bibliography)} has no entry with this key: fix the key, or add the entry to the bibliography.`,
					);
				}
			}
			if (!forbidden) found.push({ run, clusters });
		});
		// The bibliography's errors: its syntax and duplicate keys always, an entry's own problems when this brief cites it.
		if (bibliography) problems.unshift(...bibliographyErrors(bibliography, cited));
		if (problems.length > 0) throw new Error(`Citation error${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`);

		const keys = [...new Set(found.flatMap(({ clusters }) => clusters.flatMap((c) => c.items.map((item) => item.key))))];
		file.data.cited = { bibliography: settings.bibliography, keys };
		const data = file.data;
		if (keys.length === 0) {
			data.briefCitations = { bibliography: [], entries: {}, sources };
			return;
		}
		const terms = termsFor(settings.locale);
		const inputs = found.flatMap(({ run, clusters }) => clusters.map((cluster) => clusterInput(run, cluster, terms, quotes)));
		const formatted = stage.brief(settings.bibliography, settings.csl, keys, inputs, settings.locale);
		data.briefCitations = {
			bibliography: formatted.bibliography,
			entries: stage.entries(settings.bibliography, settings.csl, keys, settings.locale),
			sources,
		};

		let n = 0;
		for (const { run, clusters } of found) {
			run.parent.children = replaceClusters(run, clusters, (i) => {
				const cluster = clusters[i]!;
				const html = formatted.clusters[n];
				// A style may print nothing of a citation (MLA, of a work whose author is suppressed), as Pandoc then prints nothing too.
				if (!html?.replace(/<[^>]*>/g, '').trim())
					warn(
						file,
						`${where(run.offsets[cluster.start])}: the citation ${written(run, cluster, source)} prints nothing in the citation style ${displayPath(settings.csl)}. ` +
							'Cite the work without "-" before the key, or add a locator ("p. 3") to it.',
					);
				return citationNode(html, ++n, asWritten(run, cluster, quotes), quotesData(cluster, quotes));
			});
		}
	};
}

function citationNode(html: string | undefined, n: number, written: string, dataQuotes: string | undefined): PhrasingContent {
	const hChildren = fromHtml(html ?? '', { fragment: true }).children as ElementContent[];
	const hProperties = { id: `citation--${n}`, dataWritten: written, ...(dataQuotes ? { dataQuotes } : {}) };
	return { type: 'citation', data: { hName: 'span', hProperties, hChildren } };
}

/**
 * The citation as the text of the Markdown tree had it (inline nodes as their text), for the anchor manifest
 * (citations/written.ts); without its quotations, so that adding evidence never moves an anchor.
 */
function asWritten(run: InlineRun, cluster: Cluster, quotes: Map<CiteItem, Lifted>): string {
	const skip = cluster.items.map((item) => quotes.get(item)?.span).filter((span) => span !== undefined);
	let text = '';
	for (let i = cluster.start; i < cluster.end; i++) {
		if (skip.some(([from, to]) => i >= from && i < to)) continue;
		text += run.text[i] === INLINE ? plainText(run.parent.children[run.child[i]!]!) : run.text[i];
	}
	return text;
}

/** A cluster as the engine takes it: each item's prefix and suffix as HTML, its locator split from the suffix as Pandoc does. */
function clusterInput(run: InlineRun, cluster: Cluster, terms: Map<string, string>, quotes: Map<CiteItem, Lifted>): ClusterInput {
	return {
		narrative: cluster.items[0]?.narrative ?? false,
		items: cluster.items.map((item): ClusterItem => {
			const [from, to] = quotes.get(item)?.suffix ?? item.suffix;
			const tokens = tokensOf(run, from, to);
			const located = parseLocator(item.spaceBeforeSuffix ? [{ text: ' ' }, ...tokens] : tokens, terms);
			const prefix = smartRest(affixHtml(run, ...item.prefix));
			const suffix = smartRest(located.suffix.map((token) => tokenHtml(run, token)).join(''));
			return {
				key: item.key,
				...(prefix ? { prefix } : {}),
				...(suffix.trim() ? { suffix } : {}),
				...(located.locator ? { locator: located.locator, label: located.label ?? 'page' } : {}),
				...(item.suppressAuthor ? { suppressAuthor: true } : {}),
			};
		}),
	};
}

/** The suffix as tokens for the locator parser: text split as Pandoc splits it (after its abbreviations are joined), each inline node one token. */
function tokensOf(run: InlineRun, from: number, to: number): Token[] {
	const tokens: Token[] = [];
	const spaces = affixSpaces(run, from, to);
	let text = '';
	for (let i = from; i < to; i++) {
		if (run.text[i] !== INLINE) {
			text += spaces.get(i) ?? (run.text[i] === '\n' ? ' ' : run.text[i]);
			continue;
		}
		tokens.push(...tokenize(text));
		text = '';
		tokens.push({ text: plainText(run.parent.children[run.child[i]!]!), inline: i });
	}
	tokens.push(...tokenize(text));
	return tokens;
}

const tokenHtml = (run: InlineRun, token: Token) =>
	token.inline === undefined ? token.text : affixHtml(run, token.inline, token.inline + 1);

/** The citation as the author wrote it, for messages. */
function written(run: InlineRun, cluster: Cluster, source: string): string {
	const start = run.offsets[cluster.start] ?? -1;
	const end = run.offsets[cluster.end - 1] ?? -1;
	return start >= 0 && end >= start ? source.slice(start, end + 1) : run.text.slice(cluster.start, cluster.end);
}

/** `file:line:column` of a source offset, from a table of line starts (one pass over the source per brief). */
function locator(file: VFile, source: string): (offset: number | undefined) => string {
	const at = lineIndex(source);
	const name = displayPath(file.path);
	return (offset) => {
		if (offset === undefined || offset < 0) return name;
		const { line, column } = at(offset);
		return `${name}:${line}:${column}`;
	};
}
