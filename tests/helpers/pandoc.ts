import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Pandoc's citation test bibliography and forms (tests/fixtures/pandoc). */
export const pandocFixture = path.join(import.meta.dirname, '../fixtures/pandoc');

/** Whether Debian's `pandoc` is installed: the tests that ask it again run only then. */
export function hasPandoc(): boolean {
	try {
		execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Markdown as Pandoc renders it with `--citeproc`, the site's Chicago style and the fixture's bibliography, as plain text on long lines. */
export const pandocPlain = (markdown: string): string =>
	execFileSync(
		'pandoc',
		[
			'--citeproc',
			'--csl',
			'src/csl/chicago-author-date.csl',
			'--bibliography',
			path.join(pandocFixture, 'references.bib'),
			'-t',
			'plain',
			'--wrap=none',
		],
		{ input: markdown, encoding: 'utf8' },
	);
