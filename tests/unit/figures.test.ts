import { describe, expect, it } from 'vitest';
import { render, renderFile } from './process.ts';

const table = (cell: string) => `| ${cell} | n |\n| --- | --- |\n| x | 1 |`;
const image = (alt: string, src = './chart.png') => `![${alt}](${src})`;

describe('rehype-figures', () => {
	it('captions and numbers figures and tables apart, in document order', async () => {
		const html = await render(
			[
				'Table: First table, caption above. #tbl-one',
				table('a'),
				image('Bars rising'),
				'Figure: First figure. #fig-one',
				table('b'),
				'Table: Second table, caption below.',
				image('Three bars'),
				'Figure: Second figure.',
			].join('\n\n'),
		);
		expect([...html.matchAll(/<span class="figure-number">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual([
			'Table 1:',
			'Figure 1:',
			'Table 2:',
			'Figure 2:',
		]);
		expect(html).toContain(
			'<caption><button type="button" class="copy-link" data-load="c" data-copy="#tbl-one" aria-label="Copy link to Table 1" tabindex="-1" disabled></button><span class="figure-number">Table 1:</span> First table, caption above.</caption>',
		);
		expect(html).toContain('<figure id="fig-one" data-pagefind-title="Figure 1: First figure.">');
		expect(html).toContain(
			// A local image: the link to the original is an import the MDX compiler resolves (its URL in the build).
			'<a class="figure-full" href="{__figure_full_0__.src}"><img src="./chart.png" alt="Bars rising"><span class="visually-hidden" data-pagefind-ignore=""> (full-size image)</span></a><figcaption><span class="figure-number">Figure 1:</span> First figure.</figcaption></figure>',
		);
		// Without an id of the author's, a captioned item gets a block id like any other.
		expect(html).toContain('<table id="intro-table2" data-pagefind-title="Table 2: Second table, caption below.">');
		expect(html).not.toContain('Table:');
		expect(html).not.toContain('Figure:');
	});

	it('gives a caption between two tables to the one above it', async () => {
		const html = await render([table('a'), 'Table: Of the first. #tbl-a', table('b')].join('\n\n'));
		expect(html).toMatch(/<table id="tbl-a"[^>]*><caption>.*Of the first\.<\/caption>\s*<thead>\s*<tr>\s*<th>a<\/th>/);
		expect(html.match(/<caption>/g)).toHaveLength(1);
	});

	it('lets a caption cite; the citation is named after the table and its back-link says "Table 1"', async () => {
		const html = await render([table('a'), 'Table: Counts [@adams2001]. #tbl-counts'].join('\n\n'));
		expect(html).toContain(
			'<span id="cite-tbl-counts-adams2001" class="citation">(<a href="#bib-adams2001" interestfor="preview-adams2001">Adams 2001</a>)</span>',
		);
		expect(html).toContain('<p class="cited-in">Cited in: <a href="#tbl-counts" class="back-link">Table 1</a></p>');
		// The search title leaves the citation out.
		expect(html).toContain('data-pagefind-title="Table 1: Counts."');
	});

	it('puts every table in a focusable, named scroll box', async () => {
		const html = await render([table('a'), 'Table: Wide. #tbl-wide', '## Plain', table('b')].join('\n\n'));
		expect(html).toContain('<section class="table-scroll" tabindex="0" aria-label="Table 1: Wide."><table id="tbl-wide"');
		expect(html).toContain('<section class="table-scroll" tabindex="0" aria-label="Plain, table 1"><table id="plain-table1"');
	});

	it('links an image to its full-size file, through the site base when root-relative', async () => {
		const html = await render([image('A map', '/images/map.png'), 'Figure: A map.'].join('\n\n'));
		expect(html).toContain('<a class="figure-full" href="/images/map.png"><img src="/images/map.png" alt="A map">');
	});

	it('leaves alone what is not a caption or a cross-reference', async () => {
		const html = await render(
			['See the Table: it is below. Or [a section](#intro).', image('A lone image'), '`Table: in code`', 'Figure 1 shows it.'].join('\n\n'),
		);
		expect(html).not.toContain('<figure');
		expect(html).not.toContain('<caption');
		expect(html).toContain('<img src="./chart.png" alt="A lone image"></p>');
		expect(html).toContain('<a href="#intro">a section</a>');
		expect(html).toContain('<code>Table: in code</code>');
	});

	it('warns about an image without alt text, and alt text that repeats the caption, with their places', async () => {
		const file = await renderFile(['Intro.', image(''), 'Figure: Bars rising.', image('Bars rising')].join('\n\n'));
		expect(file.messages.map((m) => m.reason)).toEqual([
			'tests/unit/fixtures/brief.mdx:3:1: the image "./chart.png" has no alt text. Say what it shows between the brackets: ![A bar chart of …](./chart.png). A caption does not replace it: the caption says what the image means, the alt text what a reader who cannot see it would miss.',
		]);
		const twice = await renderFile([image('Bars rising'), 'Figure: Bars rising.'].join('\n\n'));
		expect(twice.messages.map((m) => m.reason)).toEqual([
			'tests/unit/fixtures/brief.mdx:1:1: the alt text of Figure 1 repeats its caption. Describe what the image shows; the caption says what it means.',
		]);
	});
});

describe('rehype-figure-refs', () => {
	it('turns links to ids into numbers, before and after their targets, keeping the author’s case and own words', async () => {
		const html = await render(
			[
				'As [Figure](#fig-b) and [table](#tbl-a) show; [](#tbl-a) too; [the chart](#fig-b).',
				table('a'),
				'Table: A. #tbl-a',
				image('Bars'),
				'Figure: B. #fig-b',
				'Again [Table](#tbl-a) and [Figure](#fig-b).',
			].join('\n\n'),
		);
		expect([...html.matchAll(/<a href="#(?:fig|tbl)-\w" class="xref">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual([
			'Figure 1',
			'table 1',
			'Table 1',
			'the chart',
			'Table 1',
			'Figure 1',
		]);
	});

	it('fails on an unknown id with file, line, column and the closest id', async () => {
		await expect(render(['Intro.', 'As [Table](#tbl-count) shows.', table('a'), 'Table: Counts. #tbl-counts'].join('\n\n'))).rejects
			.toThrowErrorMatchingInlineSnapshot(`
			[Error: Figure and table error:
			  tests/unit/fixtures/brief.mdx:3:12: unknown figure or table id "tbl-count". Did you mean "tbl-counts"? No caption in this brief ends with #tbl-count: fix the link, or end the caption with the id ("Table: What it shows. #tbl-count").]
		`);
	});

	it('reports every problem of a brief at once, in the order of the source', async () => {
		const source = [
			'See [](#fig-nope).',
			table('a'),
			'Table: One. #tbl-x',
			table('b'),
			'Table: Two. #tbl-x',
			image('Bars'),
			'Figure: Wrong prefix. #tbl-bars',
			'Figure: Next to nothing.',
			'Table: An #tbl-early id.',
			table('c'),
		].join('\n\n');
		await expect(render(source)).rejects.toThrowErrorMatchingInlineSnapshot(`
			[Error: Figure and table errors:
			  tests/unit/fixtures/brief.mdx:1:8: unknown figure or table id "fig-nope". No caption in this brief ends with #fig-nope: fix the link, or end the caption with the id ("Figure: What it shows. #fig-nope").
			  tests/unit/fixtures/brief.mdx:13:13: the id "tbl-x" is already used by Table 1. Give each figure and table an id of its own.
			  tests/unit/fixtures/brief.mdx:17:23: a figure's id starts with "fig-" ("tbl-" is for tables). Write #fig-bars.
			  tests/unit/fixtures/brief.mdx:19:1: this "Figure:" caption stands next to no image. Put it directly below (or above) the image, alone in its paragraph, with a blank line between them.
			  tests/unit/fixtures/brief.mdx:21:11: the id #tbl-early must end its caption, after a space ("Table: What it shows. #tbl-early").]
		`);
	});

	it('says so when a caption was read as the last row of its table', async () => {
		await expect(render(`${table('a')}\nTable: Counts. #tbl-counts`)).rejects.toThrow(
			/brief\.mdx:4:1: "Table: Counts\. #tbl-counts…" is read as the last row of the table above it\. Leave a blank line/,
		);
	});
});
