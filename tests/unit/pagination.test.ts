import { expect, it } from 'vitest';
import { briefsPagePath, pages } from '../../src/utils/pagination.ts';

it('splits a list into pages of a size, in order, the last one shorter', () => {
	expect(pages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	expect(pages([1, 2, 3, 4], 2)).toEqual([
		[1, 2],
		[3, 4],
	]);
	expect(pages([], 20)).toEqual([[]]);
});

it('puts the first page of briefs on the home page and the others under /page/', () => {
	expect(briefsPagePath(1)).toBe('/');
	expect(briefsPagePath(2)).toBe('/page/2/');
	expect(briefsPagePath(150)).toBe('/page/150/');
});
