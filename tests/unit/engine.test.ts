import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CslItem } from '../../src/bibliography/csl.ts';
import { formatBrief, formatEntries, styleFor } from '../../src/citations/engine.ts';

const file = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const work = (id: string, family: string, title: string, year = 2020): CslItem => ({
	id,
	type: 'article-journal',
	title,
	author: [{ family, given: 'A.' }],
	issued: { 'date-parts': [[year]] },
	'container-title': 'Journal of Tests',
});
// Registered in an order that is not the style's: Zhou before Abbott.
const works = [work('zhou', 'Zhou', 'Payments at scale'), work('abbott', 'Abbott', 'Sandboxes'), work('moreau', 'Moreau', 'Solar PV')];

describe('formatEntries', () => {
	it("gives each work the text of its entry in a brief's reference list, in an author-date style", () => {
		for (const csl of [
			'apa',
			'harvard1',
			file('../../src/csl/chicago-author-date.csl'),
			file('../../src/csl/modern-language-association.csl'),
		]) {
			const style = styleFor(csl);
			const entries = formatEntries(style, 'en-US', { items: works, letters: {} });
			const { bibliography } = formatBrief(style, 'en-US', { items: works, letters: {} }, [], (key) => `#bib-${key}`);
			expect(bibliography.map(({ key }) => key)).toEqual(['abbott', 'moreau', 'zhou']);
			for (const { key, html } of bibliography) expect(entries[key], `${csl}: ${key}`).toBe(html);
		}
	});

	it("numbers each work by the style's order when the style prints numbers and sorts its bibliography", () => {
		const entries = formatEntries(styleFor(file('fixtures/numbered-by-author.csl')), 'en-US', { items: works, letters: {} });
		expect(entries['abbott']).toMatch(/^1\. A\. Abbott/);
		expect(entries['moreau']).toMatch(/^2\. A\. Moreau/);
		expect(entries['zhou']).toMatch(/^3\. A\. Zhou/);
	});
});
