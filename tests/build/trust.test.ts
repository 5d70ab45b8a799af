import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distOf, html, page } from '../helpers/sites.ts';

describe('escaping', () => {
	it('renders markup in bibliography and frontmatter fields as text, never as elements', () => {
		const doc = page('citations', '/briefs/hostile/');
		expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'inline')).toEqual(['inline', 'application/ld+json', 'inline']);
		expect(doc.querySelectorAll('img')).toHaveLength(0);
		expect([...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))).toEqual([]);
		expect(doc.querySelector('h1')?.textContent).toBe('A <script>alert("title")</script> title');
		// The style title-cases and curls quotes; the markup stays visible text.
		expect(doc.querySelector('#bib-hostile2025 .csl-entry')?.textContent).toContain('<script>alert(‘bib’)</Script> and <img Src=x');
		expect(doc.querySelector('#bib-hostile2025 .verification-note')?.textContent).toContain('<script>alert("note")</script>');
		expect(doc.querySelector('.byline')?.textContent).toContain('<b>Bold</b> Author');
	});

	it('keeps the JSON-LD a data block that no "<" can end', () => {
		const ld = page('citations', '/briefs/hostile/').querySelector('script[type="application/ld+json"]')!.textContent!;
		expect(ld).not.toContain('<');
		expect(JSON.parse(ld).headline).toBe('A <script>alert("title")</script> title');
	});

	it('escapes the titles on the home page and the references page', () => {
		for (const url of ['/', '/references/']) {
			const doc = page('citations', url);
			expect(doc.querySelectorAll('script:not([type])')).toHaveLength(2);
			expect(doc.querySelectorAll('img')).toHaveLength(0);
		}
		expect(page('citations', '/').body.textContent).toContain('A <script>alert("title")</script> title');
		expect(html('citations', '/references/')).toContain('&lt;script&gt;alert');
	});
});

describe('Content-Security-Policy', () => {
	const pages = readdirSync(distOf('site'), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
		.map((d) => path.join(d.parentPath, d.name));

	it.each(pages.map((p) => path.relative(distOf('site'), p)))('%s allows exactly its inline scripts and styles, and nothing unsafe-inline', (file) => {
		const text = readFileSync(path.join(distOf('site'), file), 'utf8');
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? '';
		const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))!;
		expect(csp).not.toContain('unsafe-inline');
		expect(directive('script-src')).toContain("'wasm-unsafe-eval'");
		const hash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
		for (const [, code] of text.matchAll(/<script>([\s\S]*?)<\/script>/g)) expect(directive('script-src')).toContain(hash(code!));
		for (const [, css] of text.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(directive('style-src')).toContain(hash(css!));
		expect(text).not.toMatch(/\sstyle="/);
		// The policy comes before any script, so it governs them all.
		expect(text.indexOf('Content-Security-Policy')).toBeLessThan(text.indexOf('<script'));
	});

	it('is also written for static hosts, with frame-ancestors', () => {
		const headers = readFileSync(path.join(distOf('site'), '_headers'), 'utf8');
		expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-/);
		expect(headers).toContain("frame-ancestors 'none'");
		expect(headers).toContain('X-Content-Type-Options: nosniff');
	});

	it('opens external links without an opener or referrer', () => {
		const doc = page('site', '/briefs/internet-plus/');
		const external = [...doc.querySelectorAll('a[href^="http"]')];
		expect(external.length).toBeGreaterThan(5);
		for (const a of external) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
	});
});
