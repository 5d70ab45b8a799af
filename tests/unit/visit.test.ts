import type { Node, Parent } from 'unist';
import { SKIP as THEIR_SKIP, visit as theirVisit } from 'unist-util-visit';
import { visitParents as theirVisitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
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

/**
 * A visitor that, by a seeded choice at each call, goes on, skips, stops,
 * jumps ahead, adds a sibling after the node or removes it, and logs what it
 * was handed: the same log and the same tree after the walk, or the
 * walkers differ.
 */
function visitor(seed: number, log: string[], actions: { skip: unknown; exit: unknown }) {
	const next = random(seed);
	let added = 10_000;
	return (node: TestNode, index: number | undefined, parent: Parent | undefined) => {
		log.push(`${node.id}:${node.type}@${index ?? '-'} in ${(parent as TestNode | undefined)?.id ?? '-'}`);
		const roll = next();
		if (roll < 0.1) return actions.skip;
		if (roll < 0.12) return actions.exit;
		if (index === undefined || !parent) return undefined;
		if (roll < 0.2) return index + 2;
		if (roll < 0.25) return [actions.skip, index + 1];
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

describe('visit and visitParents (src/utils/visit.ts), against unist-util-visit and unist-util-visit-parents', () => {
	it('visits the same nodes in the same order, with the same index and parent, and leaves the same tree, on 400 random trees', () => {
		for (let seed = 1; seed <= 400; seed++) {
			for (const [test, reverse] of [
				[undefined, false],
				['element', false],
				['text', true],
				[(node: Node) => node.type !== 'paragraph', false],
			] as const) {
				const ours = tree(random(seed));
				const theirs = structuredClone(ours);
				const ourLog: string[] = [];
				const theirLog: string[] = [];
				const ourVisitor = visitor(seed * 7, ourLog, { skip: SKIP, exit: EXIT });
				const theirVisitor = visitor(seed * 7, theirLog, { skip: THEIR_SKIP, exit: false });
				if (test === undefined) {
					visit(ours, ourVisitor as never, reverse);
					theirVisit(theirs, theirVisitor as never, reverse);
				} else {
					visit(ours, test as never, ourVisitor as never, reverse);
					theirVisit(theirs, test as never, theirVisitor as never, reverse);
				}
				expect(ourLog, `seed ${seed}, test ${String(test)}`).toEqual(theirLog);
				expect(ours).toEqual(theirs);
			}
		}
	});

	it('hands visitParents the ancestors, and runs exit visitors after the children', () => {
		for (let seed = 1; seed <= 100; seed++) {
			const root = tree(random(seed));
			const record = (log: string[], phase: string) => (node: TestNode, ancestors: TestNode[]) => {
				log.push(`${phase} ${node.id} under ${ancestors.map((a) => a.id).join('/')}`);
			};
			const ours: string[] = [];
			const theirs: string[] = [];
			visitParents(root, { enter: record(ours, 'enter'), exit: record(ours, 'exit') });
			theirVisitParents(root, { enter: record(theirs, 'enter'), exit: record(theirs, 'exit') });
			expect(ours).toEqual(theirs);
		}
	});

	it('types the node by the test, as theirs does', () => {
		const root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [] }] } as const;
		const names: string[] = [];
		visit(root as never, 'element', (node: { tagName: string }) => {
			names.push(node.tagName);
		});
		expect(names).toEqual(['p']);
	});
});
