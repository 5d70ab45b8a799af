import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkLinks, readPage, type PageLinks } from '../../src/integrations/link-check.ts';

async function site(pages: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'link-check-'));
	for (const [file, html] of Object.entries(pages)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), html);
	}
	return dir;
}

/** Where a check of the site in `dir` keeps what it read and found: beside the site, not in it. */
const keptFor = (dir: string) => path.join(dir, '..', `${path.basename(dir)}-kept.json`);

it('accepts links to pages, files and ids that exist, and leaves external links alone', async () => {
	const dir = await site({
		'index.html':
			'<a href="/briefs/a/#p1">x</a><a href="/briefs/a/cite.bib">b</a><a href="https://example.org/#nope">e</a><a href="#top" id="top">t</a>',
		'briefs/a/index.html': '<p id="p1">p</p><a href="#p1:~:text=p">q</a>',
		'briefs/a/cite.bib': '@misc{a}',
	});
	expect(await checkLinks(dir)).toEqual([]);
});

it('reports a missing page, a missing fragment and a duplicate id, naming the file', async () => {
	const dir = await site({
		'index.html': '<a href="/nowhere/">x</a><a href="/briefs/a/#gone">y</a>',
		'briefs/a/index.html': '<p id="p1">p</p><p id="p1">again</p>',
	});
	expect(await checkLinks(dir)).toEqual([
		'briefs/a/index.html: duplicate id "p1"',
		'index.html: link to /nowhere/, but there is no nowhere/index.html',
		'index.html: link to /briefs/a/#gone, but briefs/a/index.html has no id "gone"',
	]);
});

it('checks a site served under a path as served there, and reports a root-relative link that leaves it', async () => {
	const dir = await site({
		'index.html':
			'<a href="/research/briefs/a/#p1">x</a><a href="briefs/a/">rel</a><form action="/research/search/"></form><a href="/briefs/a/">out</a>',
		'briefs/a/index.html': '<p id="p1">p</p><a href="../../">home</a><link rel="icon" href="/favicon.svg">',
		'search/index.html': '<h1>Search</h1>',
	});
	expect(await checkLinks(dir, '/research/')).toEqual([
		"briefs/a/index.html: link to /favicon.svg leaves the site's base path /research/: make it with withBase() (src/utils/url.ts)",
		"index.html: link to /briefs/a/ leaves the site's base path /research/: make it with withBase() (src/utils/url.ts)",
	]);
});

it('reports a link to an id its own page does not have, and reads ids and links written with entities, pages in the order of their paths', async () => {
	const dir = await site({
		'index.html': '<p id="a&amp;b">p</p><a href="#a&amp;b">ok</a><a href="#caf%C3%A9">bad</a><a href="#">top</a>',
		'404.html': '<p id="x">p</p><a href="#x">ok</a><a href="#y">bad</a>',
	});
	expect(await checkLinks(dir)).toEqual([
		'404.html: link to #y, but 404.html has no id "y"',
		'index.html: link to #caf%C3%A9, but index.html has no id "café"',
	]);
});

it('reads an address as a browser does, and reports broken percent-encoding instead of stopping', async () => {
	const dir = await site({
		'index.html':
			'<p id="top">t</p><a href="#top ">a</a><a href=" #to\np">b</a><a href="#%E0%A4%A">c</a><a href="/a%ZZ/">d</a><a href="/a%00b/">e</a>',
	});
	expect(await checkLinks(dir)).toEqual([
		'index.html: link to #%E0%A4%A: its #fragment is not valid percent-encoding',
		'index.html: link to /a%ZZ/: its path is not valid percent-encoding',
		'index.html: link to /a%00b/, but there is no a\u0000b/index.html',
	]);
});

it('keeps what it read of each page for the next check, reading again only pages whose bytes changed, and still checks every link', async () => {
	const dir = await site({
		'index.html': '<a href="/briefs/a/#p1">x</a><a href="/briefs/b/">b</a>',
		'briefs/a/index.html': '<p id="p1">p</p><a href="#p1">self</a>',
		'briefs/b/index.html': '<p id="q">q</p>',
	});
	const keep = keptFor(dir);
	expect(await checkLinks(dir, '/', keep)).toEqual([]);
	const kept = JSON.parse(await readFile(keep, 'utf8')) as { pages: Record<string, PageLinks> };
	expect(Object.values(kept.pages)).toHaveLength(3);
	expect(Object.values(kept.pages)).toContainEqual({ ids: ['p1'], links: ['#p1'] });
	// What is kept is what is used: a page's entry doctored in the file is what the next check believes of a page with those
	// bytes, once what was found on each page is gone from it …
	const a = Object.keys(kept.pages).find((digest) => kept.pages[digest]!.ids[0] === 'p1')!;
	const doctored = { ...kept, pages: { ...kept.pages, [a]: { ids: ['p1', 'p1'], links: ['#p1'] } } };
	await writeFile(keep, JSON.stringify({ ...doctored, checks: undefined }));
	expect(await checkLinks(dir, '/', keep)).toEqual(['briefs/a/index.html: duplicate id "p1"']);
	// … and what was found on a page is what the next check reports of it while neither it nor what its links reach changed.
	const checked = JSON.parse(await readFile(keep, 'utf8')) as { checks: Record<string, { links: string[] }> };
	checked.checks['briefs/b/index.html']!.links = ['briefs/b/index.html: as kept'];
	await writeFile(keep, JSON.stringify(checked));
	expect(await checkLinks(dir, '/', keep)).toEqual(['briefs/a/index.html: duplicate id "p1"', 'briefs/b/index.html: as kept']);
	// Kept for another base path, what was found is not used: every link is checked again.
	expect(await checkLinks(dir, '/research/', keep)).toEqual([
		'briefs/a/index.html: duplicate id "p1"',
		"index.html: link to /briefs/a/#p1 leaves the site's base path /research/: make it with withBase() (src/utils/url.ts)",
		"index.html: link to /briefs/b/ leaves the site's base path /research/: make it with withBase() (src/utils/url.ts)",
	]);
	await checkLinks(dir, '/', keep);
	// A changed page is read again; an unchanged page's links are checked against it.
	await writeFile(path.join(dir, 'briefs/a/index.html'), '<p id="p2">p</p>');
	await rm(path.join(dir, 'briefs/b/index.html'));
	expect(await checkLinks(dir, '/', keep)).toEqual([
		'index.html: link to /briefs/a/#p1, but briefs/a/index.html has no id "p1"',
		'index.html: link to /briefs/b/, but there is no briefs/b/index.html',
	]);
	// The pages gone are forgotten.
	expect(Object.values((JSON.parse(await readFile(keep, 'utf8')) as { pages: Record<string, PageLinks> }).pages)).toHaveLength(2);
	// Whatever else is in the file is no cache: every page is read.
	await writeFile(
		keep,
		JSON.stringify({ version: 'another', pages: (JSON.parse(await readFile(keep, 'utf8')) as { pages: unknown }).pages }),
	);
	expect(await checkLinks(dir, '/', keep)).toHaveLength(2);
	await writeFile(keep, 'not JSON');
	expect(await checkLinks(dir, '/', keep)).toHaveLength(2);
	// An entry of another shape is read again, not trusted.
	const current = JSON.parse(await readFile(keep, 'utf8')) as { version: string; pages: Record<string, unknown> };
	for (const digest of Object.keys(current.pages)) current.pages[digest] = { ids: 5, links: ['#p1'] };
	await writeFile(keep, JSON.stringify(current));
	expect(await checkLinks(dir, '/', keep)).toHaveLength(2);
	await rm(dir, { recursive: true, force: true });
	await rm(keep, { force: true });
});

it('reads a page the same whether its links are kept or not', async () => {
	const pages = {
		'index.html':
			'<p id="a&amp;b">p</p><a href="#a&amp;b">ok</a><a href="#caf%C3%A9">bad</a><a href=" https://example.org/">out</a><a href="\tmailto:x@example.org">m</a><a href="//cdn.example/x.js">c</a><a href="/nowhere/">n</a>',
		'404.html': '<p id="x">p</p><p id="x">q</p><a href="#x">ok</a><a href="#y">bad</a><img src="/missing.png">',
	};
	const dir = await site(pages);
	const plain = await checkLinks(dir);
	expect(plain).toHaveLength(5);
	const keep = keptFor(dir);
	expect(await checkLinks(dir, '/', keep)).toEqual(plain);
	expect(await checkLinks(dir, '/', keep)).toEqual(plain);
	expect(readPage(pages['index.html'])).toEqual({ ids: ['a&b'], links: ['#a&b', '#caf%C3%A9', '/nowhere/'] });
	await rm(dir, { recursive: true, force: true });
	await rm(keep, { force: true });
});

it('checks again the links of a page it kept when a page or file they reach appears, changes or goes', async () => {
	const index = '<a href="/later/">l</a><a href="/briefs/a/cite.bib">b</a><a href="/briefs/a/#p1">a</a>';
	const dir = await site({ 'index.html': index, 'briefs/a/index.html': '<p id="p1">p</p>', 'briefs/a/cite.bib': '@misc{a}' });
	const keep = keptFor(dir);
	expect(await checkLinks(dir, '/', keep)).toEqual(['index.html: link to /later/, but there is no later/index.html']);
	await mkdir(path.join(dir, 'later'));
	await writeFile(path.join(dir, 'later/index.html'), '<p>now</p>');
	expect(await checkLinks(dir, '/', keep)).toEqual([]);
	await rm(path.join(dir, 'briefs/a/cite.bib'));
	expect(await checkLinks(dir, '/', keep)).toEqual(['index.html: link to /briefs/a/cite.bib, but there is no briefs/a/cite.bib']);
	await writeFile(path.join(dir, 'briefs/a/index.html'), '<p id="p2">p</p>');
	expect(await checkLinks(dir, '/', keep)).toEqual([
		'index.html: link to /briefs/a/cite.bib, but there is no briefs/a/cite.bib',
		'index.html: link to /briefs/a/#p1, but briefs/a/index.html has no id "p1"',
	]);
	await rm(dir, { recursive: true, force: true });
	await rm(keep, { force: true });
});
