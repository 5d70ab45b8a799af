import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/utils/page-key.ts';

describe('pageKey', () => {
	const brief = { id: 'internet-plus', data: { title: 'A title', published: new Date('2026-11-29'), topics: ['China'] } };

	it('is the same for the same data, built again', () => {
		expect(pageKey(brief, 2)).toBe(pageKey(structuredClone(brief), 2));
	});

	it('changes with any part of the data, dates and list order included', () => {
		const key = pageKey(brief);
		expect(pageKey({ ...brief, data: { ...brief.data, title: 'Another title' } })).not.toBe(key);
		expect(pageKey({ ...brief, data: { ...brief.data, published: new Date('2026-11-30') } })).not.toBe(key);
		// What has a JSON form of its own (a date, a URL) goes in by it.
		expect(pageKey({ at: new URL('https://example.org/a') })).not.toBe(pageKey({ at: new URL('https://example.org/b') }));
		expect(pageKey({ ...brief, data: { ...brief.data, topics: ['China', 'fintech'] } })).not.toBe(key);
		expect(pageKey(['a', 'b'])).not.toBe(pageKey(['b', 'a']));
		// Arguments are kept apart: ("ab", "c") is not ("a", "bc").
		expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
	});

	it('refuses what JSON would write as {} or leave out, and so miss a change in', () => {
		expect(() => pageKey({ uses: new Map([['klein2020', 1]]) })).toThrow(/Map.*not plain data/);
		expect(() => pageKey({ keys: new Set(['klein2020']) })).toThrow(/Set.*not plain data/);
		expect(() => pageKey({ render: () => 'html' })).toThrow(/not plain data/);
		expect(() => pageKey({ pattern: /klein/ })).toThrow(/RegExp.*not plain data/);
	});
});
