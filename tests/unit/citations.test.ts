import { describe, expect, it } from 'vitest';
import { render, renderFile } from './process.ts';

describe('remark-citation-lint', () => {
	it('fails on an unknown key with file, line, column and a suggestion', async () => {
		await expect(render('Intro.\n\nAs shown [@adams2002] and [@baker2010].')).rejects.toThrowErrorMatchingInlineSnapshot(`
			[Error: Citation error:
			  tests/unit/fixtures/brief.mdx:3:11: unknown citation key "adams2002". Did you mean "adams2001"? tests/unit/fixtures/sources.bib has no entry with this key: fix the key, or add the entry to the bibliography.]
		`);
	});

	it('lists every unknown key, in clusters and narrative form', async () => {
		await expect(render('See [@nope1; @adams2001] and @nope2 too.')).rejects.toThrow(
			/1:6: unknown citation key "nope1"[^\n]*\n\s+\S+:1:30: unknown citation key "nope2"/,
		);
	});

	it('rejects a citation in a heading or a link, saying where to move it', async () => {
		await expect(render('## Title [@adams2001]')).rejects.toThrow(/1:10: citation \[@adams2001\] sits inside a heading/);
		await expect(render('[a link [@adams2001]](https://example.org)')).rejects.toThrow(/sits inside a link/);
	});

	it('leaves code alone', async () => {
		const html = await render('Write `[@anything]` to cite.');
		expect(html).toContain('<code>[@anything]</code>');
	});
});

describe('rehype-citations', () => {
	it('resolves a citation to a link to its reference entry', async () => {
		const html = await render('A claim [@adams2001].');
		expect(html).toContain('(<a href="#bib-adams2001" interestfor="preview-adams2001">Adams 2001</a>)');
		expect(html).toContain('<li id="bib-adams2001" class="reference" data-status="verified" data-key="adams2001">');
	});

	it('resolves citations in emphasis, strong text, table cells and footnotes', async () => {
		const html = await render(
			'*In emphasis [@adams2001].* **Strong [@baker2010].**\n\n| a |\n| - |\n| [@cole2020] |\n\nNoted.[^n]\n\n[^n]: See [@adams2001].',
		);
		expect(html).not.toContain('[@');
		expect(html.match(/interestfor="preview-/g)).toHaveLength(4);
	});

	it('uses the numeric style a brief asks for', async () => {
		const html = await render('First [@baker2010].', { csl: 'vancouver' });
		expect(html).toContain('(<a href="#bib-baker2010" interestfor="preview-baker2010">1</a>)');
	});

	it('gives a prefix and a suffix the dashes and ellipses the text around them gets', async () => {
		const html = await render('A 3--5 range... [see -- above -- @adams2001, p. 3, and pp. 7--9 after... that].');
		const text = html.replace(/<[^>]+>/g, '');
		// The site's rule (Astro's smart punctuation): two hyphens an em dash, three dots an ellipsis; before, they stayed as typed.
		expect(text).toContain('A 3—5 range…');
		expect(text).toMatch(/\(see — above — Adams 2001, 3, and pp\.\s7—9 after… that\)/);
	});

	it('keeps the space after an abbreviation inside a braced locator', async () => {
		const html = await render('A claim [@adams2001, \\{chap. 3, sec. 4\\}].');
		expect(html.replace(/<[^>]+>/g, '')).toMatch(/\(Adams 2001, chap\. 3, sec\. 4\)/);
	});

	it("says so when a citation prints nothing in the brief's style, and prints nothing", async () => {
		const { html, messages } = await renderFile('A [-@adams2001] b.', { csl: 'mla' });
		expect(html.replace(/<[^>]+>/g, '')).toMatch(/^A\s+b\.References/);
		expect(messages.map(String)).toEqual([
			expect.stringMatching(
				/brief\.mdx:1:3: the citation \[-@adams2001\] prints nothing in the citation style src\/csl\/modern-language-association\.csl\. Cite the work without "-"/,
			),
		]);
	});

	it('leaves text without citations untouched', async () => {
		expect(await render('Costs fell [in 2020] by 5 @ most, `[@x]`.')).toBe(
			'<p id="intro-p1" data-pagefind-title="Introduction ¶1"><button type="button" class="copy-link" data-load="c" data-copy="#intro-p1" aria-label="Copy link to Introduction ¶1" tabindex="-1" disabled></button>Costs fell [in 2020] by 5 @ most, <code>[@x]</code>.</p>',
		);
	});
});

describe('rehype-references', () => {
	it('shows each source with its verification status in words and its note', async () => {
		const html = await render('[@baker2010] and [@cole2020].');
		expect(html).toContain('<div class="section-head"><h2 id="references">References</h2><button type="button" class="copy-link"');
		// A legend above the list says what each status means, including one no entry has yet.
		expect(html).toContain('<p class="status-legend-title">What the statuses mean</p>');
		expect(html).toContain('<span class="status status-unchecked">Not yet checked</span>');
		expect(html).toContain(
			'<span class="status status-likely">Likely, not confirmed</span> <span class="verification-note">Fixture entry with a URL.</span>',
		);
		expect(html).toContain('<span class="status status-unverified">Unverified</span>');
	});

	it('links URLs and DOIs', async () => {
		const html = await render('[@adams2001] [@baker2010]');
		expect(html).toContain(
			'<a href="https://doi.org/10.1234/example.2001" rel="noopener noreferrer">https://doi.org/10.1234/example.2001</a>',
		);
		expect(html).toContain('<a href="https://example.org/baker2010" rel="noopener noreferrer">');
	});

	it('lists only the sources the text cites', async () => {
		const html = await render('[@adams2001]');
		expect(html).toContain('id="bib-adams2001"');
		expect(html).not.toContain('id="bib-baker2010"');
	});
});

describe('rehype-block-ids and rehype-citation-ids', () => {
	const text =
		'# T\n\nBefore any section [@adams2001].\n\n## Digital payments\n\nFirst.\n\nSecond [@adams2001; @baker2010] and again [@adams2001].\n\n- an item [@cole2020]\n\n[^n]: A note [@cole2020].\n\nNoted.[^n]';

	it('numbers blocks within their section, with readable ids', async () => {
		const html = await render(text);
		expect(html).toContain('<p id="intro-p1" data-pagefind-title="Introduction ¶1">');
		expect(html).toContain('<p id="digital-payments-p1" data-pagefind-title="Digital payments ¶1">');
		expect(html).toContain('<p id="digital-payments-p2" data-pagefind-title="Digital payments ¶2">');
		expect(html).toContain('<li id="digital-payments-li1" data-pagefind-title="Digital payments, item 1">');
	});

	it('names each citation after its block and keys, not its position in the text', async () => {
		const html = await render(text);
		expect(html).toContain('id="cite-intro-p1-adams2001"');
		expect(html).toContain('id="cite-digital-payments-p2-adams2001-baker2010"');
		expect(html).toContain('id="cite-digital-payments-p2-adams2001"');
		expect(html).toContain('id="cite-fn-n-cole2020"');
		// Adding a citation earlier leaves later ids alone.
		const edited = await render(text.replace('First.', 'First [@cole2020].'));
		expect(edited).toContain('id="cite-digital-payments-p2-adams2001-baker2010"');
	});

	it('lists under each reference every block that cites it, once, with a readable label', async () => {
		const html = await render(text);
		expect(html).toContain(
			'<p class="cited-in">Cited in: <a href="#intro-p1" class="back-link">Introduction ¶1</a>, <a href="#digital-payments-p2" class="back-link">Digital payments ¶2</a></p>',
		);
		expect(html).toContain(
			'<a href="#digital-payments-li1" class="back-link">Digital payments, item 1</a>, <a href="#fn-n" class="back-link">Note 1</a>',
		);
	});

	it('gives each cited source one preview popover with reference, status and links', async () => {
		const html = await render(text);
		expect(html.match(/<div id="preview-adams2001" popover="hint" class="cite-preview">/g)).toHaveLength(1);
		expect(html).toContain(
			'<a href="https://doi.org/10.1234/example.2001" tabindex="-1" rel="noopener noreferrer">Open the source</a> · <a href="#bib-adams2001" tabindex="-1">Go to the reference entry</a>',
		);
		expect(html).toContain('<div class="cite-previews" data-pagefind-ignore="all">');
	});
});

describe('rehype-cite-sections', () => {
	it('offers each section as a citation with its anchor as pinpoint', async () => {
		const html = await render('## Digital payments\n\nText.', {
			title: 'A brief',
			authors: [{ name: 'Ada Adams' }],
			published: new Date('2026-01-02'),
		});
		expect(html).toContain(
			'<details class="cite-section" data-pagefind-ignore="all"><summary>Cite<span class="visually-hidden"> this section</span></summary>',
		);
		expect(html).toContain(
			'Ada Adams. 2026. “Digital Payments.” In <i>A Brief</i>. Sourced. http://127.0.0.1:4321/briefs/brief/#digital-payments.',
		);
		expect(html).toContain(
			'<button type="button" class="copy-button" data-load="c" data-copy="cite-section-digital-payments" disabled>Copy citation</button>',
		);
	});
});

describe('rehype-link-buttons', () => {
	it('gives each heading one copy-link button beside it, outside it, and each block one out of the Tab order', async () => {
		const html = await render('## Digital payments\n\nText.');
		expect(html).toContain(
			'<div class="section-head"><h2 id="digital-payments">Digital payments</h2><button type="button" class="copy-link" data-load="c" data-copy="#digital-payments" aria-label="Copy link to section Digital payments" disabled></button></div>',
		);
		expect(html).toContain(
			'<p id="digital-payments-p1" data-pagefind-title="Digital payments ¶1"><button type="button" class="copy-link" data-load="c" data-copy="#digital-payments-p1" aria-label="Copy link to Digital payments ¶1" tabindex="-1" disabled></button>Text.</p>',
		);
	});

	it('puts a section\'s "Cite this section" beside its copy-link button', async () => {
		const html = await render('## Digital payments\n\nText.', {
			title: 'A brief',
			authors: [{ name: 'Ada Adams' }],
			published: new Date('2026-01-02'),
		});
		expect(html).toMatch(
			/^<div class="section-head"><h2 id="digital-payments">Digital payments<\/h2><button [^>]*><\/button><details class="cite-section"/,
		);
	});
});
