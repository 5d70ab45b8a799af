import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CitationCache } from '../../src/citations/cache.ts';
import { classesForStyles, MAPPED_STYLES } from '../../src/citations/html.ts';
import { bracedCitations } from '../../src/citations/mdx-braces.ts';
import { parseLocator, tokenize } from '../../src/citations/parse-locator.ts';
import { termsFor } from '../../src/citations/stage.ts';
import { findClusters } from '../../src/citations/syntax.ts';
import { render } from './process.ts';

const clusters = (text: string, escaped: number[] = []) =>
	findClusters({ text, literal: (i) => escaped.includes(i) }).map((c) => ({
		written: text.slice(c.start, c.end),
		keys: c.items.map((item) => `${item.suppressAuthor ? '-' : ''}${item.narrative ? '+' : ''}${item.key}`),
	}));

describe('Pandoc citation syntax', () => {
	it('reads keys as Pandoc does: internal punctuation, non-ASCII letters, braces; no trailing period, no e-mail', () => {
		expect(clusters('See @Foo_bar.baz. and @пункт3, @knuth/tex and [@{https://example.org/x?a=1}].')).toEqual([
			{ written: '@Foo_bar.baz', keys: ['+Foo_bar.baz'] },
			{ written: '@пункт3', keys: ['+пункт3'] },
			{ written: '@knuth/tex', keys: ['+knuth/tex'] },
			{ written: '[@{https://example.org/x?a=1}]', keys: ['https://example.org/x?a=1'] },
		]);
		expect(clusters('Mail doe@item1.example, or @Foo_bar--baz.')).toEqual([{ written: '@Foo_bar', keys: ['+Foo_bar'] }]);
	});

	it('joins a bracketed cluster to an author-in-text citation, and takes a bare suffix', () => {
		expect(clusters('@a [-@b p. 30; see also @c] says')).toEqual([{ written: '@a [-@b p. 30; see also @c]', keys: ['+a', '-b', 'c'] }]);
		expect(clusters('@a [p. 33; @b] says')).toEqual([{ written: '@a [p. 33; @b]', keys: ['+a', 'b'] }]);
		expect(clusters('@a [p. 33](https://x)')).toEqual([{ written: '@a', keys: ['+a'] }]);
	});

	it('never starts or ends a citation at an escaped character', () => {
		const text = '[@a] and @b';
		expect(clusters(text, [0, 3])).toEqual([
			{ written: '@a', keys: ['+a'] },
			{ written: '@b', keys: ['+b'] },
		]);
		expect(clusters(text, [1, 9])).toEqual([]);
	});

	it('splits a locator from a suffix with the locale’s terms, with or without a comma', () => {
		const terms = termsFor('en-US');
		const located = (suffix: string) => {
			const { label, locator, suffix: rest } = parseLocator(tokenize(suffix), terms);
			return [label, locator, rest.map((t) => t.text).join('')];
		};
		expect(located(', pp. 33, 35-37, and nowhere else')).toEqual(['page', '33, 35-37', ', and nowhere else']);
		expect(located(' chaps. 2-3')).toEqual(['chapter', '2-3', '']);
		expect(located(', §§ 4-5')).toEqual(['section', '4-5', '']);
		expect(located(', ¶ 4')).toEqual(['paragraph', '4', '']);
		expect(located(', s.v. water')).toEqual([undefined, undefined, ', s.v. water']);
		expect(located(', {pp. iv, vi-xi, (xv)-(xvii)} with suffix')).toEqual(['page', 'iv, vi-xi, (xv)-(xvii)', ' with suffix']);
		expect(located(' with a remark')).toEqual([undefined, undefined, ' with a remark']);
		expect(located('with a remark')).toEqual([undefined, undefined, ', with a remark']);
	});
});

describe('the citation stage in the pipeline', () => {
	it('leaves citations in code blocks and escaped ones alone', async () => {
		const html = await render('```\n[@adams2001]\n```\n\nEscaped \\@adams2001 and a real one [@adams2001].');
		// The code block as Astro's Shiki highlights it, with the citation as written.
		expect(html).toMatch(/<pre class="astro-code[^>]*><code><span class="line"><span>\[@adams2001\]<\/span><\/span><\/code><\/pre>/);
		expect(html).toContain('Escaped @adams2001 and a real one');
		expect(html.match(/class="citation"/g)).toHaveLength(1);
	});

	it('reads a key before smart punctuation could change it', async () => {
		const html = await render("As @baker2010's data show.");
		expect(html).toContain('Baker and Cole (2010)</a></span>’s data show.');
	});

	it('keeps the prefix and suffix out of the link, as Pandoc links them', async () => {
		const html = await render('Claim [see @adams2001, p. 4 and *passim*].');
		expect(html).toContain('(see <a href="#bib-adams2001" interestfor="preview-adams2001">Adams 2001, 4</a> and <i>passim</i>)');
	});
});

describe('MDX braced forms', () => {
	it('names each braced citation with its line and column, and leaves code, escapes and expressions alone', () => {
		const source =
			'---\ntitle: "{x}"\n---\n\n[@a{ii}] and @{b} and `[@c{x}]` and [@d, \\{p. 4\\}] and {props.x}\n\n```\n[@e{x}]\n```\n[@f, {pp. iv}]';
		expect(bracedCitations(source).map((p) => `${p.line}:${p.column}`)).toEqual(['5:4', '5:15', '10:6']);
		expect(bracedCitations(source)[0]?.message).toContain('Escape the braces: [@a\\{ii\\}]');
	});
});

describe('citeproc output under the Content-Security-Policy', () => {
	it('turns every inline style citeproc’s HTML format emits into a class', () => {
		for (const style of MAPPED_STYLES)
			expect(classesForStyles(`<span style="${style};">x</span>`)).toMatch(/^<span class="[a-z-]+">x<\/span>$/);
		expect(classesForStyles('<span style="font-variant: small-caps;">Smith</span>')).toBe('<span class="small-caps">Smith</span>');
	});
});

describe('the citation cache', () => {
	it('keeps work by content in the cache directory, for the next build', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sourced-cache-'));
		try {
			let computed = 0;
			const compute = () => ++computed;
			expect(new CitationCache({ cacheDir: dir }).get('brief', { a: 1 }, compute)).toBe(1);
			expect(new CitationCache({ cacheDir: dir }).get('brief', { a: 1 }, compute)).toBe(1);
			expect(new CitationCache({ cacheDir: dir }).get('brief', { a: 2 }, compute)).toBe(2);
			expect(computed).toBe(2);
			expect(readdirSync(path.join(dir, 'sourced-citations'))).toHaveLength(2);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('formats again after an upgrade of citeproc-js: what an older version wrote is not read back', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sourced-cache-'));
		// Two projects sharing one cache folder, with citeproc 2.4.63 and a later citeproc installed.
		const project = (version: string) => {
			const root = path.join(dir, `project-${version}`);
			mkdirSync(path.join(root, 'node_modules', 'citeproc'), { recursive: true });
			writeFileSync(path.join(root, 'node_modules', 'citeproc', 'package.json'), JSON.stringify({ name: 'citeproc', version }));
			return root;
		};
		try {
			const cacheDir = path.join(dir, 'cache');
			let computed = 0;
			const compute = () => ++computed;
			expect(new CitationCache({ cacheDir, root: project('2.4.63') }).get('brief', { a: 1 }, compute)).toBe(1);
			expect(new CitationCache({ cacheDir, root: project('2.4.63') }).get('brief', { a: 1 }, compute)).toBe(1);
			expect(new CitationCache({ cacheDir, root: project('2.5.0') }).get('brief', { a: 1 }, compute)).toBe(2);
			expect(computed).toBe(2);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
