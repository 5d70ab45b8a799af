import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkSmartPunctuation } from '../../src/plugins/remark-smart-punctuation.ts';
import { root } from '../helpers/build.ts';

// Our smart punctuation against Astro's own (remark-smartypants with its defaults), tree for tree.

// MDX's parser, loaded by name: its types add MDX's nodes to hast's for the whole program, which our plugins, written
// for the trees they meet after rehype-mdx-html, do not expect.
const REMARK_MDX = 'remark-mdx';
const remarkMdx = ((await import(REMARK_MDX)) as { default: () => void }).default;
const ours = remarkSmartPunctuation();
const theirs = (remarkSmartypants as unknown as () => (tree: Root) => void)();

function both(markdown: string, mdx: boolean): { ours: Root; theirs: Root } {
	const processor = mdx ? unified().use(remarkParse).use(remarkGfm).use(remarkMdx) : unified().use(remarkParse).use(remarkGfm);
	const tree = processor.parse(markdown);
	const copy = structuredClone(tree);
	void ours(tree, undefined as never, () => {});
	theirs(copy);
	return { ours: tree, theirs: copy };
}

const briefs = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx') && entry.parentPath.endsWith('briefs'))
		.map((entry) => path.join(entry.parentPath, entry.name));

const withoutFrontmatter = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('smart punctuation', () => {
	it('turns quotes, dashes, ellipses and backticks as Astro’s own does', () => {
		const { ours: tree } = both("\"Payments\" -- the 'app' era... ``quoted'' . . . it's the '80s", false);
		expect(JSON.stringify(tree)).toContain('“Payments” — the ‘app’ era… “quoted” … it’s the ’80s');
	});

	it('gives every brief of the site and of the fixtures the same text as Astro’s own', () => {
		const files = [...briefs(path.join(root, 'content')), ...briefs(path.join(root, 'tests/fixtures'))];
		let compared = 0;
		for (const file of files) {
			let trees;
			try {
				trees = both(withoutFrontmatter(readFileSync(file, 'utf8')), true);
			} catch {
				continue; // a fixture MDX itself refuses (its build stops before any plugin runs)
			}
			expect(trees.ours, path.relative(root, file)).toEqual(trees.theirs);
			compared++;
		}
		expect(compared).toBeGreaterThan(30);
	});

	it('gives the awkward cases the same text as Astro’s own', () => {
		const cases = [
			`He said, "'Quoted' words in a larger quote."`,
			`"'Tis the season," she wrote -- rock 'n' roll, the '80s, and don't.`,
			`A "[quoted link](https://example.org)" and *"emphasis"* and **'strong'**.`,
			`Code \`"not quoted"\` then "quoted" and \`x\`'s value.`,
			`# "A heading"\n\n| "a" | 'b' |\n| --- | --- |\n| "c" -- d | e... |`,
			`<span>"inside" -- JSX</span> and <style>{"a--b"}</style> "after".`,
			`Spaced . . . and unspaced... and four.... and a---b and --- alone.`,
			`\`\`Backticks'' and ''two apostrophes'' and \`single'.`,
			`“Already curly” and ‘single’ — and 「中文」 "mixed" 引号.`,
			`'`,
			`"`,
			`-- -- --`,
			`. .\n. .`,
			// Dots apart by what parse-latin counts as white space: next line (U+0085), no-break space, a tab.
			'Wait.\u0085.\u0085. then',
			'And.\u00a0.\u00a0. then',
			'And.\t.\t. then',
		];
		for (const text of cases) {
			const { ours: mine, theirs: reference } = both(text, true);
			expect(mine, text).toEqual(reference);
		}
	});

	it('gives random text made of quotes, dots, dashes, spaces and words the same text as Astro’s own', () => {
		// A fixed seed: the same 400 texts on every run.
		let seed = 20261130;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const pieces = [
			'"',
			"'",
			'.',
			'.\u0085',
			'.\u00a0',
			'.\t',
			'. ',
			'-',
			'--',
			'`',
			'``',
			"''",
			' ',
			'\n\n',
			'word',
			'a',
			'80s',
			's',
			'*',
			'**',
			'1',
			',',
			'!',
			'(',
			')',
		];
		for (let n = 0; n < 400; n++) {
			const text = Array.from({ length: 4 + Math.floor(random() * 24) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
			const { ours: mine, theirs: reference } = both(text, false);
			expect(mine, JSON.stringify(text)).toEqual(reference);
		}
	});
});
