import { describe, expect, it } from 'vitest';
import { slotsOf } from '../../src/utils/slots.ts';

/** A task that runs until `finish` is called, recording when it started. */
function pending(started: string[], name: string) {
	let finish!: (value: string) => void;
	let fail!: (error: Error) => void;
	const done = new Promise<string>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	const task = () => {
		started.push(name);
		return done;
	};
	return { task, finish: () => finish(name), fail: () => fail(new Error(`${name} failed`)) };
}

/** Lets every promise that can settle do so. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('slotsOf', () => {
	it('runs no more tasks at once than it has slots, the others in the order given', async () => {
		const started: string[] = [];
		const slot = slotsOf(2);
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => pending(started, name));
		const results = [a!, b!, c!, d!].map(({ task }) => slot(task));
		await settle();
		expect(started).toEqual(['a', 'b']);
		b!.finish();
		await settle();
		expect(started).toEqual(['a', 'b', 'c']);
		a!.finish();
		c!.finish();
		d!.finish();
		expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
		expect(started).toEqual(['a', 'b', 'c', 'd']);
	});

	it('frees the slot of a task that fails, and reports the failure to its caller', async () => {
		const started: string[] = [];
		const slot = slotsOf(1);
		const a = pending(started, 'a');
		const b = pending(started, 'b');
		const first = slot(a.task);
		const second = slot(b.task);
		await settle();
		expect(started).toEqual(['a']);
		a.fail();
		await expect(first).rejects.toThrow('a failed');
		await settle();
		expect(started).toEqual(['a', 'b']);
		b.finish();
		expect(await second).toBe('b');
		// Free again: the next task starts at once.
		const c = pending(started, 'c');
		const third = slot(c.task);
		expect(started).toEqual(['a', 'b', 'c']);
		c.finish();
		expect(await third).toBe('c');
	});

	it('refuses a number of slots that is not a whole number of at least 1', () => {
		expect(() => slotsOf(0)).toThrow(RangeError);
		expect(() => slotsOf(1.5)).toThrow(RangeError);
	});
});
