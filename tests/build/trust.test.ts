import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import idle from 'astro/runtime/client/idle.prebuilt.js';
import load from 'astro/runtime/client/load.prebuilt.js';
import media from 'astro/runtime/client/media.prebuilt.js';
import only from 'astro/runtime/client/only.prebuilt.js';
import visible from 'astro/runtime/client/visible.prebuilt.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import island from 'astro/runtime/server/astro-island.prebuilt.js';
import islandDev from 'astro/runtime/server/astro-island.prebuilt-dev.js';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { distOf, html, page, ready } from '../helpers/sites.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Template = DefaultTreeAdapterMap['template'];

describe('escaping (fixture "combined", briefs/hostile.mdx and citations.bib)', () => {
	beforeAll(() => ready('combined'));

	it('renders markup in bibliography and frontmatter fields as text, never as elements', () => {
		const doc = page('combined', '/briefs/hostile/');
		expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'inline')).toEqual([
			'application/ld+json',
			'inline',
			'inline',
		]);
		expect(doc.querySelectorAll('img')).toHaveLength(0);
		expect([...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))).toEqual(
			[],
		);
		expect(doc.querySelector('h1')?.textContent).toBe('A <script>alert("title")</script> title');
		// The style title-cases and curls quotes; the markup stays visible text.
		expect(doc.querySelector('#bib-hostile2025 .csl-entry')?.textContent).toContain('<script>alert(‘bib’)</Script> and <img Src=x');
		expect(doc.querySelector('#bib-hostile2025 .verification-note')?.textContent).toContain('<script>alert("note")</script>');
		expect(doc.querySelector('.byline')?.textContent).toContain('<b>Bold</b> Author');
	});

	it('keeps the JSON-LD a data block that no "<" can end', () => {
		const ld = page('combined', '/briefs/hostile/').querySelector('script[type="application/ld+json"]')?.textContent ?? '';
		expect(ld).not.toContain('<');
		expect((JSON.parse(ld) as { headline: string }).headline).toBe('A <script>alert("title")</script> title');
	});

	it('escapes the titles on the home page and the references page', () => {
		for (const url of ['/', '/references/']) {
			const doc = page('combined', url);
			expect(doc.querySelectorAll('script:not([type])')).toHaveLength(2);
			expect(doc.querySelectorAll('img')).toHaveLength(0);
		}
		expect(page('combined', '/').body.textContent).toContain('A <script>alert("title")</script> title');
		expect(html('combined', '/references/')).toContain('&lt;script&gt;alert');
	});
});

/** Every element of a parsed document, in document order. */
function* elements(node: ParentNode): Generator<Element> {
	for (const child of node.childNodes) {
		if (!('tagName' in child)) continue;
		yield child;
		yield* elements(child.nodeName === 'template' ? (child as Template).content : child);
	}
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (el: Element) => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
/** Scripts a browser runs; a data block (`application/ld+json`) is not one, and needs no hash. */
const runs = (el: Element) => ['', 'text/javascript', 'module'].includes((attr(el, 'type') ?? '').toLowerCase());

/**
 * What Astro's security.csp allows on every page of its own accord once any
 * renderer is registered (MDX registers one): its island runtime and client
 * directives, which no page of ours carries, and the empty text it hashes for
 * each <link rel="stylesheet">. Constants of the pinned Astro, never our text.
 */
const ASTRO_SCRIPTS = new Set([island, islandDev, idle, load, media, only, visible].map(sha256));
const ASTRO_STYLES = new Set([ISLAND_STYLES, ''].map(sha256));

/** A policy's directives by name, with their sources. */
const directives = (policy: string) =>
	new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!, sources]),
	);

const hashes = (sources: string[] = []) => new Set(sources.filter((s) => /^'sha(256|384|512)-/.test(s)));

describe.each(['combined', 'site'] as const)('Content-Security-Policy of %s', (site) => {
	let files: string[];
	beforeAll(async () => {
		await ready(site);
		files = readdirSync(distOf(site), { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
			.map((d) => path.relative(distOf(site), path.join(d.parentPath, d.name)));
	});

	it('allows on each page exactly the inline scripts and styles it runs, and nothing unsafe-inline', () => {
		expect(files.length).toBeGreaterThan(10);
		for (const file of files) {
			const all = [...elements(parse(readFileSync(path.join(distOf(site), file), 'utf8')))];
			const metas = all.filter((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
			expect(metas, file).toHaveLength(1);
			const meta = metas[0]!;
			expect(meta.parentNode?.nodeName, file).toBe('head');
			const policy = directives(attr(meta, 'content')!);

			const scripts = all.filter((el) => el.tagName === 'script' && attr(el, 'src') === undefined && runs(el));
			const styles = all.filter((el) => el.tagName === 'style');
			expect(hashes(policy.get('script-src')), file).toEqual(new Set([...scripts.map((el) => sha256(text(el))), ...ASTRO_SCRIPTS]));
			expect(hashes(policy.get('style-src')), file).toEqual(new Set([...styles.map((el) => sha256(text(el))), ...ASTRO_STYLES]));

			expect(policy.get('script-src'), file).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
			expect(policy.get('default-src'), file).toEqual(["'self'"]);
			expect(
				[...policy.values()].flat().filter((s) => /^('unsafe-(inline|eval|hashes)'|\*)$/.test(s)),
				file,
			).toEqual([]);
			// Nothing the policy cannot govern: no style attributes, no event handler attributes.
			expect(
				all.flatMap((el) => el.attrs.map((a) => a.name)).filter((n) => n === 'style' || n.startsWith('on')),
				file,
			).toEqual([]);
			// The policy comes before every script, so that it governs them all.
			expect(all.indexOf(meta), file).toBeLessThan(Math.min(...all.flatMap((el, i) => (el.tagName === 'script' && runs(el) ? [i] : []))));
		}
	});

	it('gives pages different style hashes: each brief allows only its own sidenote style', () => {
		if (site !== 'combined') return;
		const styleHashes = (file: string) => {
			const all = [...elements(parse(readFileSync(path.join(distOf(site), file), 'utf8')))];
			return all.filter((el) => el.tagName === 'style').map((el) => sha256(text(el)));
		};
		const [hostile, plain] = [styleHashes('briefs/hostile-csp/index.html'), styleHashes('briefs/plain/index.html')];
		expect(hostile).toHaveLength(1);
		expect(plain).toHaveLength(1);
		expect(hostile).not.toEqual(plain);
		expect(html(site, '/briefs/plain/')).not.toContain(hostile[0]!);
		expect(html(site, '/')).not.toContain(hostile[0]!);
	});

	it('is also written for static hosts: the scripts every page runs, Pagefind, and what a <meta> cannot carry', () => {
		const headers = readFileSync(path.join(distOf(site), '_headers'), 'utf8');
		const header = directives(/^ {2}Content-Security-Policy: (.*)$/m.exec(headers)![1]!);
		expect(headers).toMatch(/^\/\*\n/);
		expect(header.get('frame-ancestors')).toEqual(["'none'"]);
		expect(header.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
		// Exactly the inline scripts of every page (here, the same on all), and no style hash: those are each page's own.
		const pagePolicy = directives(/<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html(site, '/'))![1]!);
		expect(hashes(header.get('script-src'))).toEqual(hashes(pagePolicy.get('script-src')));
		expect(header.has('style-src')).toBe(false);
		expect(headers).not.toContain('unsafe-inline');
		expect(headers).toContain('X-Content-Type-Options: nosniff');
	});
});

describe('external links', () => {
	it('opens external links without an opener or referrer', async () => {
		await ready('site');
		const doc = page('site', '/briefs/internet-plus/');
		const external = [...doc.querySelectorAll('a[href^="http"]')];
		expect(external.length).toBeGreaterThan(5);
		for (const a of external) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
	});
});
