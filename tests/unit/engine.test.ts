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
	it("gives each work the text of its entry in a brief's reference list, in author-date and MLA styles", () => {
		for (const csl of [
			'apa',
			'harvard1',
			file('../../src/csl/chicago-author-date.csl'),
			file('../../src/csl/modern-language-association.csl'),
		]) {
			const style = styleFor(csl);
			const entries = formatEntries(style, 'en-US', { items: works, letters: {} });
			const { bibliography } = formatBrief(style, 'en-US', { items: works, letters: {} }, [], (key) => `#bib-${key}`);
			expect(
				bibliography.map(({ key }) => key),
				csl,
			).toEqual(['abbott', 'moreau', 'zhou']);
			for (const { key, html } of bibliography) expect(entries[key], `${csl}: ${key}`).toBe(html);
		}
	});

	it("numbers each work by the style's order when the style prints numbers and sorts its bibliography", () => {
		const entries = formatEntries(styleFor(file('fixtures/numbered-by-author.csl')), 'en-US', { items: works, letters: {} });
		expect(entries['abbott']).toMatch(/^1\. A\. Abbott/);
		expect(entries['moreau']).toMatch(/^2\. A\. Moreau/);
		expect(entries['zhou']).toMatch(/^3\. A\. Zhou/);
	});

	it('gives each work its own entry when another work prints nothing', () => {
		// citeproc lists the ids of every work but leaves out an entry with no text: pairing them by position shifted the rest.
		const blank: CslItem = { id: 'blank', type: 'article-journal' };
		const items = [works[0]!, blank, works[1]!, works[2]!];
		for (const csl of ['apa', file('../../src/csl/modern-language-association.csl')]) {
			const style = styleFor(csl);
			const entries = formatEntries(style, 'en-US', { items, letters: {} });
			expect(entries['zhou'], csl).toMatch(/^Zhou/);
			expect(entries['abbott'], csl).toMatch(/^Abbott/);
			expect(entries['moreau'], csl).toMatch(/^Moreau/);
			const { bibliography } = formatBrief(style, 'en-US', { items, letters: {} }, [], (key) => `#bib-${key}`);
			for (const { key, html } of bibliography) if (key !== 'blank') expect(html, `${csl}: ${key}`).toMatch(new RegExp(`^${key}`, 'i'));
		}
	});

	it("names the entry a numeric style prints for a work with no text by that work's key", () => {
		// citeproc writes that entry itself, with no item behind it ("[CSL STYLE ERROR: reference with no printed form.]").
		const items: CslItem[] = [works[0]!, { id: 'blank:1', type: 'article-journal' }, works[1]!];
		const style = styleFor(file('fixtures/numbered-citations-only.csl'));
		const { bibliography } = formatBrief(style, 'en-US', { items, letters: {} }, [], (key) => `#bib-${key}`);
		expect(bibliography.map(({ key }) => key)).toEqual(['zhou', 'blank:1', 'abbott']);
		expect(bibliography[1]!.html).toContain('no printed form');
		expect(Object.keys(formatEntries(style, 'en-US', { items, letters: {} })).sort()).toEqual(['abbott', 'blank:1', 'zhou']);
	});
});
