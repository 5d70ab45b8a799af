import type { Node, Parent } from 'unist';
import { SKIP as THEIR_SKIP, visit as theirVisit } from 'unist-util-visit';
import { visitParents as theirVisitParents } from 'unist-util-visit-parents';
import type { Element, Root } from 'hast';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EXIT, SKIP, visit, visitParents } from '../../src/utils/visit.ts';

interface TestNode extends Node {
	id: number;
	children?: TestNode[];
}

/** A small deterministic generator (mulberry32): the same trees and choices for both walkers. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TYPES = ['element', 'text', 'paragraph', 'root-like'];

function tree(next: () => number, depth = 0, ids = { n: 0 }): TestNode {
	const node: TestNode = { type: TYPES[Math.floor(next() * TYPES.length)]!, id: ids.n++ };
	if (depth < 4 && next() < 0.6) node.children = Array.from({ length: Math.floor(next() * 4) }, () => tree(next, depth + 1, ids));
	return node;
}

type Mode = 'visit' | 'visit enter/exit' | 'visitParents' | 'visitParents enter/exit';

/**
 * A visitor that, by a seeded choice at each call, goes on, skips, stops,
 * jumps ahead, adds a sibling after the node or removes it, and logs what it
 * was handed (for visitParents, the ancestors): the same log and the same
 * tree after the walk, or the walkers differ. An exit visitor never skips
 * (both throw on it) and, in its turn, stops or jumps.
 */
function visitor(seed: number, log: string[], actions: { skip: unknown; exit: unknown }, mode: Mode, phase: 'enter' | 'exit') {
	const next = random(seed);
	let added = 10_000;
	const parents = mode.startsWith('visitParents');
	return (node: TestNode, second: unknown, third: unknown) => {
		const ancestors = parents ? (second as TestNode[]) : undefined;
		const index = (parents ? third : second) as number | undefined;
		const parent = (parents ? ancestors!.at(-1) : third) as (TestNode & Parent) | undefined;
		log.push(
			`${phase} ${node.id}:${node.type}@${index ?? '-'} in ${ancestors ? ancestors.map((a) => a.id).join('/') : (parent?.id ?? '-')}`,
		);
		const roll = next();
		if (roll < 0.1 && phase === 'enter') return actions.skip;
		if (roll < 0.12) return actions.exit;
		if (index === undefined || !parent) return undefined;
		if (roll < 0.2) return index + 2;
		if (roll < 0.25 && phase === 'enter') return [actions.skip, index + 1];
		if (roll < 0.32) {
			parent.children.splice(index + 1, 0, { type: 'text', id: added++ } as TestNode);
			return index + 2;
		}
		if (roll < 0.38) {
			parent.children.splice(index, 1);
			return index;
		}
		return undefined;
	};
}

const TESTS: unknown[] = [
	undefined,
	'element',
	'',
	['text', 'paragraph'],
	{ type: 'element' },
	(_node: Node, index: number | undefined, parent: TestNode | undefined) =>
		index === undefined || index % 2 === 0 || parent?.type === 'paragraph',
];
const MODES: Mode[] = ['visit', 'visit enter/exit', 'visitParents', 'visitParents enter/exit'];

type Walker = (tree: unknown, ...rest: unknown[]) => void;
const walkers = {
	ours: { visit: visit as unknown as Walker, visitParents: visitParents as unknown as Walker, skip: SKIP, exit: EXIT },
	theirs: { visit: theirVisit as unknown as Walker, visitParents: theirVisitParents as unknown as Walker, skip: THEIR_SKIP, exit: false },
};

/** One walk of a copy of the seed's tree by one implementation: what the visitors were handed, and the tree after. */
function run(who: keyof typeof walkers, seed: number, test: unknown, mode: Mode, reverse: boolean) {
	const root = tree(random(seed));
	const log: string[] = [];
	const w = walkers[who];
	const enter = visitor(seed * 7, log, w, mode, 'enter');
	const visitors = mode.endsWith('enter/exit') ? { enter, exit: visitor(seed * 13, log, w, mode, 'exit') } : enter;
	const walk = mode.startsWith('visitParents') ? w.visitParents : w.visit;
	if (test === undefined) walk(root, visitors, reverse);
	else walk(root, test, visitors, reverse);
	return { log, root };
}

describe('visit and visitParents (src/utils/visit.ts), against unist-util-visit and unist-util-visit-parents', () => {
	it('visits the same nodes in the same order, hands the same index, parent or ancestors, and leaves the same tree, on 200 random trees', () => {
		for (let seed = 1; seed <= 200; seed++) {
			for (const [t, test] of TESTS.entries()) {
				for (const mode of MODES) {
					for (const reverse of [false, true]) {
						const ours = run('ours', seed, test, mode, reverse);
						const theirs = run('theirs', seed, test, mode, reverse);
						expect(ours.log, `seed ${seed}, test ${t}, ${mode}${reverse ? ', reverse' : ''}`).toEqual(theirs.log);
						expect(ours.root).toEqual(theirs.root);
					}
				}
			}
		}
	});

	it('refuses what theirs refuses: SKIP from an exit visitor, a test of another kind, a visitor that is not one', () => {
		const root = { type: 'root', children: [{ type: 'text', value: 'a' }] };
		expect(() => visit(root as never, { enter: () => {}, exit: () => SKIP } as never)).toThrow(/`skip` from `exit`/);
		expect(() => theirVisit(root as never, { enter: () => {}, exit: () => THEIR_SKIP } as never)).toThrow(/`skip` from `exit`/);
		for (const walk of [visit, theirVisit] as unknown as Walker[]) {
			expect(() => walk(root, 42, () => {})).toThrow(/Expected function, string, or object as test/);
			expect(() => walk(root, 'text')).toThrow(/expected visitor/);
			expect(() => walk(root, 'text', { enter: 1, exit: () => {} })).toThrow(/expected optional visitor/);
		}
	});

	it('types the node by the test, as theirs does', () => {
		const root: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [] }] };
		const names: string[] = [];
		visit(root, 'element', (node) => {
			expectTypeOf(node).toEqualTypeOf<Element>();
			names.push(node.tagName);
		});
		visitParents(root, 'element', (node, ancestors) => {
			expectTypeOf(node).toEqualTypeOf<Element>();
			expectTypeOf(ancestors).toEqualTypeOf<(Root | Element)[]>();
		});
		expect(names).toEqual(['p']);
	});
});
