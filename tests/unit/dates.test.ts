import { describe, expect, it } from 'vitest';
import { formatDate, isoDate } from '../../src/utils/dates.ts';

describe('dates as readers see them', () => {
	it('writes a date in full, day first, as British English does', () => {
		expect(formatDate(new Date('2026-11-29'))).toBe('29 November 2026');
		expect(formatDate(new Date('2015-07-04'))).toBe('4 July 2015');
	});

	it('keeps the day of UTC, whatever the machine’s zone: a date at either edge of the day is not moved', () => {
		expect(formatDate(new Date('2026-01-01T00:00:00Z'))).toBe('1 January 2026');
		expect(formatDate(new Date('2025-12-31T23:59:59Z'))).toBe('31 December 2025');
		expect(isoDate(new Date('2025-12-31T23:59:59Z'))).toBe('2025-12-31');
	});

	it('writes what toLocaleDateString wrote before one formatter served every call, over fifty years of dates', () => {
		const dates = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2000 + i, i % 12, 1 + (i % 28))));
		expect(dates.map(formatDate)).toEqual(
			dates.map((date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })),
		);
	});
});
