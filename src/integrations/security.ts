import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * What every page's policy holds besides its scripts and styles: our own
 * files only, images also as data: URLs, Pagefind's worker and index
 * fetched from the site, no plugins, and forms and <base> on the site only.
 */
const DIRECTIVES = [
	"default-src 'self'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"worker-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
] as const;

/** Scripts: our own files (the modules the bootstrap imports), and WebAssembly for Pagefind's engine only. */
const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** The page's policy as Astro writes it into <head>. Astro writes attributes double-quoted, with `"` escaped. */
const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

/**
 * The site's Content-Security-Policy, through Astro's `security.csp`: each
 * page gets a <meta> policy allowing exactly the inline scripts and styles
 * it runs. The components that write an inline block insert its hash
 * (`Astro.csp.insertScriptHash`, `insertStyleHash`, with utils/csp.ts), so
 * no text of a page is ever hashed by looking for `<script>` in it.
 *
 * After the build, `_headers` (read by Netlify and Cloudflare Pages) gets
 * what a <meta> cannot carry (`frame-ancestors`, and the policy of Pagefind's
 * worker, which no page's <meta> reaches) with the directives that are the
 * same on every page: script-src with the inline scripts every page runs.
 * Styles are left to each page's <meta>: their hashes differ from page to
 * page, and one list of all of them would grow with the site. A browser
 * enforces both policies, so each page gets its own exact one.
 */
export function security(): AstroIntegration {
	return {
		name: 'sourced:security',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					security: { csp: { algorithm: 'SHA-256', directives: [...DIRECTIVES], scriptDirective: { resources: SCRIPT_SOURCES } } },
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = (await readdir(out, { recursive: true, withFileTypes: true }))
					.filter((f) => f.isFile() && f.name.endsWith('.html'))
					.map((f) => path.join(f.parentPath, f.name));
				const scripts = new Map<string, number>();
				let styles = 0;
				for (const page of pages) {
					const policy = META.exec(headOf(page))?.[1];
					if (!policy)
						throw new Error(
							`${path.relative(out, page)}: Astro wrote no Content-Security-Policy into the page's <head>; is it a page without the Base layout?`,
						);
					for (const hash of sources(policy, 'script-src')) if (hash.startsWith("'sha")) scripts.set(hash, (scripts.get(hash) ?? 0) + 1);
					styles = Math.max(styles, sources(policy, 'style-src').filter((s) => s.startsWith("'sha")).length);
				}
				// Inline scripts every page runs (the theme line and the bootstrap); one that only some pages run would also
				// have to be allowed on all of them here, so say so.
				const partial = [...scripts].filter(([, n]) => n < pages.length).map(([hash]) => hash);
				if (partial.length > 0)
					logger.warn(
						`${partial.length} inline script(s) run on some pages only; _headers allows them on every page: ${partial.join(' ')}`,
					);
				const header = [
					`script-src ${[...SCRIPT_SOURCES, ...[...scripts.keys()].sort()].join(' ')}`,
					...DIRECTIVES.filter((d) => !d.startsWith('default-src')),
					"frame-ancestors 'none'",
				].join('; ');
				await writeFile(
					path.join(out, '_headers'),
					[
						'/*',
						`  Content-Security-Policy: ${header}`,
						'  X-Content-Type-Options: nosniff',
						'  Referrer-Policy: strict-origin-when-cross-origin',
						'  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
						'  Cross-Origin-Opener-Policy: same-origin',
						'',
					].join('\n'),
				);
				logger.info(
					`Content-Security-Policy on ${pages.length} page(s): ${scripts.size} inline script hash(es), up to ${styles} inline style hash(es) a page`,
				);
			},
		},
	};
}

/**
 * A page's <head>, read from the start of its file to where the head ends:
 * the policy is there, and a brief's head is an eighth of its page.
 */
export function headOf(file: string): string {
	const fd = openSync(file, 'r');
	try {
		const chunk = Buffer.alloc(16_384);
		const decoder = new StringDecoder('utf8');
		let text = '';
		for (let at = 0; ;) {
			const read = readSync(fd, chunk, 0, chunk.length, at);
			if (read === 0) return text + decoder.end();
			at += read;
			const from = Math.max(0, text.length - '</head>'.length);
			text += decoder.write(chunk.subarray(0, read));
			const end = text.indexOf('</head>', from);
			if (end >= 0) return text.slice(0, end);
		}
	} finally {
		closeSync(fd);
	}
}

/** The sources a policy lists for one directive. */
const sources = (policy: string, directive: string) =>
	policy
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.find(([name]) => name === directive)
		?.slice(1) ?? [];
