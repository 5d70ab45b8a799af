import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from 'unist-util-visit';
import { publishedAnchors, type AnchorRecord, type BriefAnchors } from '../anchors/manifest.ts';
import { normalize, similarity } from '../anchors/similarity.ts';
import { displayPath } from '../bibliography/load.ts';
import { frontmatterOf } from './frontmatter.ts';
import { blocksOf, slugOf } from './rehype-block-ids.ts';

/** How sure the build must be that a new anchor succeeds a vanished one, and by how much over the next. */
const SUCCESSOR = 0.5;
const MARGIN = 0.1;

/**
 * Keeps every anchor ever published working. Compares the brief's anchors
 * (headings, blocks, notes, references) with content/anchors.json: an anchor
 * that disappeared becomes an alias of its successor (the renamed heading,
 * the edited paragraph), found by text similarity, and lands there:
 *
 *   <h2 id="mobile-payments">…  (was "digital-payments")
 *   → <h2 id="mobile-payments"><span id="digital-payments" class="anchor-alias"></span>…
 *
 * When no successor is clear the build stops and asks the author to map or
 * retire the anchor. The new record is left on the file (`file.data.anchors`)
 * for the build (integrations/anchor-manifest.ts), which writes the manifest
 * once the build succeeds; a draft's is not: nothing of a draft is published,
 * its anchors included. `manifest`: the path of content/anchors.json.
 */
export function rehypeAnchorManifest({ manifest }: { manifest: string }): Transformer<Root> {
	return (tree, file) => {
		const slug = slugOf(file);
		const published = publishedAnchors(slug, manifest);
		const blocks = blocksOf(file);
		const current = new Map<string, AnchorRecord>();
		const elements = new Map<string, Element>();

		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (typeof id !== 'string') return;
			const block = blocks.get(id);
			const record: AnchorRecord | undefined = block
				? { kind: block.kind, text: block.text, section: block.section.id }
				: /^h[2-4]$/.test(node.tagName)
					? { kind: 'heading', text: clip(toString(node)) }
					: node.tagName === 'li' && id.startsWith('fn-')
						? { kind: 'note', text: clip(toString(node)) }
						: node.tagName === 'li' && id.startsWith('bib-')
							? { kind: 'reference', text: clip(toString(node.children[0] ?? node)) }
							: undefined;
			if (!record) return;
			current.set(id, record);
			elements.set(id, node);
		});

		const aliases = { ...published.aliases };
		const retired = published.retired.filter((id) => !current.has(id));
		const resolve = (id: string, seen = new Set<string>()): string | undefined =>
			current.has(id) ? id : aliases[id] && !seen.has(id) ? resolve(aliases[id], seen.add(id)) : undefined;

		const problems: string[] = [];
		const gone = Object.keys(published.anchors).concat(Object.keys(published.aliases));
		for (const old of new Set(gone)) {
			if (current.has(old) || retired.includes(old) || resolve(old)) continue;
			const record = published.anchors[old] ?? published.anchors[finalTarget(old, published)] ?? { kind: '', text: '' };
			const ranked = successors(old, record, published, current, blocks);
			const [best, next] = ranked;
			if (best && best.score >= SUCCESSOR && (!next || best.score - next.score >= MARGIN)) {
				aliases[old] = best.id;
				continue;
			}
			const closest = ranked.slice(0, 2).map((c) => `#${c.id} (${c.score.toFixed(2)})`).join(', ');
			problems.push(
				`the published anchor #${old} (${record.kind}: "${record.text.slice(0, 60)}…") is gone, and no anchor is clearly its successor` +
					`${closest ? ` (closest: ${closest})` : ''}. In ${displayPath(manifest)}, under briefs → "${slug}", map it in "aliases" ` +
					`(e.g. "${old}": "${ranked[0]?.id ?? 'new-id'}") or list it in "retired".`,
			);
		}
		if (problems.length > 0) throw new Error(`${displayPath(file.path)}: ${problems.join(`\n${displayPath(file.path)}: `)}`);

		for (const id of Object.keys(aliases)) if (current.has(id)) delete aliases[id];
		for (const [old, target] of Object.entries(aliases)) {
			const element = elements.get(resolve(target)!);
			element?.children.unshift(aliasSpan(old));
		}
		// Retired anchors land at the start of the brief, on purpose rather than by accident.
		tree.children.unshift(...retired.map(aliasSpan));

		const record: BriefAnchors = { anchors: Object.fromEntries(current), aliases, retired };
		if (frontmatterOf(file)['draft'] !== true) file.data.anchors = { slug, record };
	};
}

const clip = (text: string) => normalize(text).slice(0, 200);

const aliasSpan = (id: string): Element => ({ type: 'element', tagName: 'span', properties: { id, className: ['anchor-alias'] }, children: [] });

function finalTarget(id: string, published: BriefAnchors): string {
	let target = id;
	for (let i = 0; i < 20 && published.aliases[target]; i++) target = published.aliases[target]!;
	return target;
}

/**
 * New anchors of the same kind, best first. A heading is also recognised by
 * its section: the share of the blocks under it that were published under
 * the vanished heading.
 */
function successors(old: string, record: AnchorRecord, published: BriefAnchors, current: Map<string, AnchorRecord>, blocks: ReturnType<typeof blocksOf>) {
	const ranked: { id: string; score: number }[] = [];
	for (const [id, candidate] of current) {
		if (candidate.kind !== record.kind || id in published.anchors) continue;
		let score = similarity(record.text, candidate.text);
		if (record.kind === 'heading') {
			const under = [...blocks.values()].filter((b) => b.section.id === id);
			const moved = under.filter((b) => published.anchors[b.id]?.section === old).length;
			if (under.length > 0) score = Math.max(score, moved / under.length);
		}
		ranked.push({ id, score });
	}
	return ranked.sort((a, b) => b.score - a.score);
}
