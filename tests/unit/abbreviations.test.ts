import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { abbreviationSpaces } from '../../src/citations/abbreviations.ts';
import { hasPandoc, pandocFixture, pandocPlain } from '../helpers/pandoc.ts';
import { render } from './process.ts';

/**
 * Inside a citation, a known abbreviation is joined to the next word by a
 * no-break space, as Pandoc's Markdown reader joins it; the expected text is
 * what Pandoc 2.17 prints for the same input (`~` for the no-break space),
 * checked against Pandoc when it is installed.
 */
const MARKDOWN =
	'[cf. @item1] and [see e.g. @item1, p. 3] and [@item1, see e.g. *this* and cf. *e.g. that*] and [@item1, s.v\\. water] and ' +
	'[@item1, s.v.\nwater] and [@item1, s.v.   water] and [cf. pp. @item1]';
const PANDOC =
	'(cf. Doe 2005) and (see e.g. Doe 2005, 3) and (Doe 2005, see e.g.~this and cf.~e.g.~that) and (Doe 2005, s.v. water) and ' +
	'(Doe 2005, s.v. water) and (Doe 2005, s.v.~water) and (cf.~pp. Doe 2005)';

describe('abbreviations in citations', () => {
	it('joins an abbreviation to the next word as Pandoc does: not before a citation, a line break, or after an escaped period', async () => {
		const html = await render(MARKDOWN, { bibliography: path.join(pandocFixture, 'references.bib') });
		const text = parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('p')!.textContent;
		expect(text.replaceAll('\u00a0', '~')).toBe(PANDOC);
	});

	it('matches whole words with their case only, and joins several spaces into one', () => {
		const join = (text: string) => [...abbreviationSpaces(text)].map(([i, s]) => `${i}${s === '' ? 'x' : '~'}`).join(' ');
		expect(join('s.v. water')).toBe('4~');
		expect(join('xs.v. water')).toBe('');
		expect(join('S.V. water')).toBe('');
		expect(join('(vol.  2)')).toBe('5~ 6x');
		expect(join('e.g., this')).toBe('');
	});

	it.runIf(hasPandoc())('captured what Pandoc renders today', () => {
		const out = pandocPlain(MARKDOWN);
		expect(out.split('\n')[0]!.replaceAll('\u00a0', '~')).toBe(PANDOC);
	});
});
