import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

/**
 * The site's Content-Security-Policy. Scripts and styles: our own files and
 * the hashes of the inline ones, nothing else; WebAssembly only for
 * Pagefind's engine.
 */
export function policy(scripts: string[], styles: string[]): string {
	const hashes = (list: string[]) => list.map((h) => ` 'sha256-${h}'`).join('');
	return [
		"default-src 'self'",
		`script-src 'self'${hashes(scripts)} 'wasm-unsafe-eval'`,
		`style-src 'self'${hashes(styles)}`,
		"img-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/**
 * After the build: hashes every inline script of every page, puts the policy
 * in each page's head as a <meta>, and writes `_headers` (read by Netlify and
 * Cloudflare Pages) with the same policy and the headers a <meta> cannot carry.
 */
export function security(): AstroIntegration {
	return {
		name: 'sourced:security',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = (await readdir(out, { recursive: true, withFileTypes: true }))
					.filter((f) => f.isFile() && f.name.endsWith('.html'))
					.map((f) => path.join(f.parentPath, f.name));
				const html = new Map<string, string>();
				const scripts = new Set<string>();
				const styles = new Set<string>();
				const hash = (code: string) => createHash('sha256').update(code).digest('base64');
				for (const page of pages) {
					const text = await readFile(page, 'utf8');
					html.set(page, text);
					for (const [, code] of text.matchAll(INLINE_SCRIPT)) scripts.add(hash(code!));
					for (const [, css] of text.matchAll(INLINE_STYLE)) styles.add(hash(css!));
				}
				const csp = policy([...scripts].sort(), [...styles].sort());
				const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
				for (const [page, text] of html) {
					if (!text.includes('<meta charset="utf-8">')) throw new Error(`${path.relative(out, page)}: no <meta charset> to put the security policy after`);
					await writeFile(page, text.replace('<meta charset="utf-8">', `<meta charset="utf-8">${meta}`));
				}
				await writeFile(
					path.join(out, '_headers'),
					[
						'/*',
						`  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
						'  X-Content-Type-Options: nosniff',
						'  Referrer-Policy: strict-origin-when-cross-origin',
						'  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
						'  Cross-Origin-Opener-Policy: same-origin',
						'',
					].join('\n'),
				);
				logger.info(`Content-Security-Policy on ${pages.length} page(s), ${scripts.size} inline script and ${styles.size} inline style hash(es)`);
			},
		},
	};
}
