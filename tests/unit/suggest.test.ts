import { expect, it } from 'vitest';
import { closest } from '../../src/bibliography/suggest.ts';

const keys = ['klein2020', 'zhou2022', 'lee2018', 'pan2018'];

it('suggests the nearest keys for a typo', () => {
	expect(closest('klien2020', keys)).toEqual(['klein2020']);
	expect(closest('lee2019', keys)).toEqual(['lee2018']);
});

it('suggests nothing for an unrelated key', () => {
	expect(closest('wu2022-digital-economy', keys)).toEqual([]);
});
