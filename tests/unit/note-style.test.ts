import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { resolveCitationSettings, styleProblem } from '../../src/plugins/citation-options.ts';
import { config, fixtures, render } from './process.ts';

const brief = path.join(fixtures, 'note-style.mdx');
/** The brief as Astro hands it to the plugins: the frontmatter parsed, the file's path. */
const file = (csl: string) =>
	new VFile({
		path: brief,
		value: readFileSync(brief, 'utf8'),
		data: { astro: { frontmatter: { csl } }, citationSettings: resolveCitationSettings({ csl }, config) },
	});

describe('CSL styles a brief may name', () => {
	it('rejects a note style, at the frontmatter line of its csl, saying why and which styles work', () => {
		const message = styleProblem(file('../tests/unit/fixtures/note-style.csl'));
		expect(message).toBe(
			'tests/unit/fixtures/note-style.mdx:7:6: csl "../tests/unit/fixtures/note-style.csl" is a note style (class="note"): its citations belong in ' +
				'footnotes, and Sourced prints each citation in the text, with its preview and the reference list. Note styles are not supported. ' +
				'Use an author-date or numeric style: chicago (the default), apa, harvard1, mla or vancouver (numeric), or a .csl file whose <style> has class="in-text".',
		);
	});

	it('names a .csl file that is not there', () => {
		expect(styleProblem(file('styles/missing.csl'))).toMatch(
			/^tests\/unit\/fixtures\/note-style\.mdx:7:6: csl "styles\/missing\.csl": there is no file .*content\/styles\/missing\.csl\. Name a bundled style, chicago/,
		);
	});

	it('takes the bundled styles and in-text .csl files', () => {
		for (const csl of ['chicago', 'apa', 'harvard1', 'mla', 'vancouver', '../src/csl/modern-language-association.csl'])
			expect(styleProblem(file(csl)), csl).toBeUndefined();
	});

	it('fails the citation stage with the message, before formatting anything', async () => {
		await expect(render('Payments [@klein2020].', { csl: path.join(fixtures, 'note-style.csl') })).rejects.toThrow(
			/is a note style \(class="note"\)/,
		);
	});
});
