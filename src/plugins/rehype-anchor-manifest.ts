import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { publishedAnchors, type AnchorRecord, type BriefAnchors } from '../anchors/manifest.ts';
import { matchAnchors } from '../anchors/match.ts';
import { normalize } from '../anchors/similarity.ts';
import { displayPath } from '../bibliography/load.ts';
import { frontmatterOf } from './frontmatter.ts';
import { blocksOf, slugOf } from './rehype-block-ids.ts';

/**
 * Keeps every anchor ever published working. Compares the brief's anchors
 * (headings, blocks, notes, references) with content/anchors.json: an anchor
 * that disappeared becomes an alias of its successor (the renamed heading,
 * the edited paragraph), found by the one anchor matcher (anchors/match.ts),
 * and lands there:
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

		// Published anchors that are gone, then published aliases whose target went with them: each to its successor, if one is clear.
		const problems: string[] = [];
		const ids = [...current.keys()];
		// What each current anchor is and stands under, worked out only once a published anchor is found gone.
		const candidatesOf = () => ids.map((id) => ({ ...current.get(id)!, under: underOf(id, published, blocks) }));
		let candidates: ReturnType<typeof candidatesOf> | undefined;
		const fresh = (id: string) => !(id in published.anchors);
		for (const group of [Object.keys(published.anchors), Object.keys(published.aliases)]) {
			const gone = group.filter((old) => !current.has(old) && !retired.includes(old) && !resolve(old));
			if (gone.length === 0) continue;
			const all = (candidates ??= candidatesOf());
			const records = gone.map((old): [string, AnchorRecord] => [
				old,
				published.anchors[old] ?? published.anchors[finalTarget(old, published)] ?? { kind: '', text: '' },
			]);
			// Only an anchor this build made can succeed one: a published anchor that is still here is its own.
			const open = ids.flatMap((id, i) => (fresh(id) ? [i] : []));
			const { successors, unmatched } = matchAnchors(
				records,
				open.map((i) => all[i]!),
			);
			for (const [old, index] of successors) aliases[old] = ids[open[index]!]!;
			for (const [old, closest] of unmatched) {
				const record = records.find(([id]) => id === old)![1];
				const named = closest.map((c) => ({ id: ids[open[c.index]!]!, score: c.score }));
				problems.push(
					`the published anchor #${old} (${record.kind}: "${record.text.slice(0, 60)}…") is gone, and no anchor is clearly its successor` +
						`${named.length > 0 ? ` (closest: ${named.map((c) => `#${c.id} (${c.score.toFixed(2)})`).join(', ')})` : ''}. ` +
						`In ${displayPath(manifest)}, under briefs → "${slug}", map it in "aliases" ` +
						`(e.g. "${old}": "${named[0]?.id ?? 'new-id'}") or list it in "retired".`,
				);
			}
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

const aliasSpan = (id: string): Element => ({
	type: 'element',
	tagName: 'span',
	properties: { id, className: ['anchor-alias'] },
	children: [],
});

function finalTarget(id: string, published: BriefAnchors): string {
	let target = id;
	for (let i = 0; i < 20 && published.aliases[target]; i++) target = published.aliases[target]!;
	return target;
}

/** A heading's blocks: the section each was published in, by which a renamed heading is recognised (anchors/match.ts). */
function underOf(id: string, published: BriefAnchors, blocks: ReturnType<typeof blocksOf>): (string | undefined)[] | undefined {
	const under = [...blocks.values()].filter((block) => block.section.id === id);
	return under.length > 0 ? under.map((block) => published.anchors[block.id]?.section) : undefined;
}
