import type { Element, Root } from 'hast';
import type { Transformer } from 'unified';
import { visit } from '../utils/visit.ts';
import { displayPath } from '../bibliography/load.ts';
import { strings } from '../ui/strings.ts';
import { correctionDate, correctionIds } from '../utils/corrections.ts';
import { formatDate } from '../utils/dates.ts';
import { frontmatterOf } from './frontmatter.ts';

/**
 * Marks each block a correction in the frontmatter names (`anchor`) with a
 * small link to that correction in "Updates and corrections"
 * (components/Corrections.astro); an anchor the brief does not have fails
 * the build, with the file and every such anchor.
 *
 *   corrections: [{ date: 2026-12-01, text: "…", anchor: regulation-p2 }]
 *   <p id="regulation-p2">…</p>
 *   → <p id="regulation-p2">… <a class="correction-marker" href="#correction-2026-12-01" aria-label="Corrected on 1 December 2026: see Updates and corrections">corrected</a></p>
 */
export function rehypeCorrections(): Transformer<Root> {
	return (tree, file) => {
		const corrections = frontmatterOf(file)['corrections'];
		if (!Array.isArray(corrections) || corrections.length === 0) return;
		const listed = corrections as { date?: unknown; anchor?: unknown }[];
		const ids = correctionIds(listed.map((c) => c.date));
		const blocks = new Map<string, Element>();
		visit(tree, 'element', (node) => {
			const id = node.properties['id'];
			if (typeof id === 'string' && !blocks.has(id)) blocks.set(id, node);
		});
		const unknown: string[] = [];
		listed.forEach((correction, i) => {
			if (typeof correction.anchor !== 'string') return;
			const block = blocks.get(correction.anchor.replace(/^#/, ''));
			const date = correctionDate(correction.date);
			if (!block) {
				unknown.push(`"${correction.anchor}" (the correction of ${date ?? 'no date'})`);
				return;
			}
			const label = strings.correctedHere(date ? formatDate(new Date(date)) : '');
			block.children.push(
				{ type: 'text', value: ' ' },
				{
					type: 'element',
					tagName: 'a',
					properties: { className: ['correction-marker'], href: `#${ids[i]}`, ariaLabel: label, dataPagefindIgnore: 'all' },
					children: [{ type: 'text', value: strings.correctedMarker }],
				},
			);
		});
		if (unknown.length > 0) {
			throw new Error(
				`${displayPath(file.path)}: corrections name ${unknown.length === 1 ? 'an anchor' : 'anchors'} this brief does not have: ${unknown.join(', ')}. ` +
					'Use the id of the block the correction concerns, as in its address (regulation-p2 for …/#regulation-p2), or leave "anchor" out.',
			);
		}
	};
}
