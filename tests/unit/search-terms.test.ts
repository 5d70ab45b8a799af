import { expect, it } from 'vitest';
import { closest, distance, termsMatched, termsOf } from '../../src/scripts/search-terms.ts';

it('counts a matched word only if it starts with most of a term', () => {
	const terms = termsOf('Digital silk road');
	expect(termsMatched('Road,', terms)).toEqual([2]);
	expect(termsMatched('“digital', terms)).toEqual([0]);
	expect(termsMatched('payment', termsOf('payments'))).toEqual([0]);
	expect(termsMatched('sandboxes.', termsOf('sandbox'))).toEqual([0]);
	// Pagefind's fallback for a typo matches a short prefix of it: not a match.
	expect(termsMatched('al.', termsOf('alipya'))).toEqual([]);
	expect(termsMatched('互联网+,', termsOf('互联'))).toEqual([0]);
});

it('suggests the closest word the index knows, counting a swap as one edit', () => {
	expect(distance('alipya', 'alipay')).toBe(1);
	expect(closest('alipya', ['al.', 'Alibaba', 'Alipay', 'alike'])).toBe('Alipay');
	expect(closest('sandbox', ['sandbox'])).toBeUndefined();
	expect(closest('qwerty', ['Alipay'])).toBeUndefined();
});
