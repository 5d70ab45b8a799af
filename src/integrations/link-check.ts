import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const ID = /\sid="([^"]*)"/g;
const HREF = /\s(?:href|src|action)="([^"]*)"/g;

/**
 * Problems in a built site: duplicate ids on a page, internal links to a page
 * or file that does not exist, and `#fragments` that name no element on
 * their target page. A site served under a path (`base`, e.g. /research/)
 * is checked as it will be served: `dir` is the folder served at `base`, and
 * a root-relative link outside it (`/briefs/…` instead of `/research/briefs/…`)
 * is a problem. Pages are read as Astro writes them (double-quoted
 * attributes), which is fast enough to check every page of every build.
 */
export async function checkLinks(dir: string, base = '/'): Promise<string[]> {
	const pages = new Map<string, Set<string>>();
	const problems: string[] = [];
	const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((f) => f.isFile() && f.name.endsWith('.html'))
		.map((f) => path.join(f.parentPath, f.name))
		.sort();
	const html = new Map<string, string>();
	for (const file of files) {
		// Read whole and at once: a promise per page cost a third of the check (Buffer to string, opening and closing on the pool).
		const text = readFileSync(file, 'utf8');
		html.set(file, text);
		const ids = new Set<string>();
		for (const [, id] of text.matchAll(ID)) {
			const decoded = decodeEntities(id!);
			if (ids.has(decoded)) problems.push(`${path.relative(dir, file)}: duplicate id "${decoded}"`);
			ids.add(decoded);
		}
		pages.set(file, ids);
	}
	const exists = new Map<string, boolean>();
	const fileExists = (file: string) => {
		let known = exists.get(file);
		if (known === undefined) {
			try {
				known = statSync(file).isFile();
			} catch {
				// missing, or a path no file can have (a null byte, a name too long)
				known = false;
			}
			exists.set(file, known);
		}
		return known;
	};
	for (const [file, text] of html) {
		const page = path.relative(dir, file);
		for (const [, raw] of text.matchAll(HREF)) {
			const href = decodeEntities(raw!);
			// As a browser reads an address: tabs and line breaks dropped, spaces and control characters trimmed at its ends.
			const address = href.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
			// Most links of a brief go to its own ids (citations, notes, figures): the page itself, no address to resolve.
			let target = file;
			let hash = address;
			if (!address.startsWith('#')) {
				if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) continue;
				const url = new URL(address, `http://site${base}${page.replace(/index\.html$/, '')}`);
				if (!url.pathname.startsWith(base)) {
					problems.push(`${page}: link to ${href} leaves the site's base path ${base}: make it with withBase() (src/utils/url.ts)`);
					continue;
				}
				const where = decoded(url.pathname.slice(base.length));
				if (where === undefined) {
					problems.push(`${page}: link to ${href}: its path is not valid percent-encoding`);
					continue;
				}
				target = path.join(dir, where);
				if (url.pathname.endsWith('/')) target = path.join(target, 'index.html');
				if (!fileExists(target)) {
					problems.push(`${page}: link to ${href}, but there is no ${path.relative(dir, target)}`);
					continue;
				}
				hash = url.hash;
			}
			const fragment = decoded(hash.slice(1))?.split(':~:')[0];
			if (fragment === undefined) problems.push(`${page}: link to ${href}: its #fragment is not valid percent-encoding`);
			else if (fragment && !pages.get(target)?.has(fragment)) {
				problems.push(`${page}: link to ${href}, but ${path.relative(dir, target)} has no id "${fragment}"`);
			}
		}
	}
	return problems;
}

/** Percent-decoded, or undefined where the encoding is broken (`%`, half a character). */
function decoded(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

const decodeEntities = (s: string) =>
	!s.includes('&')
		? s
		: s
				.replace(/&amp;/g, '&')
				.replace(/&quot;/g, '"')
				.replace(/&#39;/g, "'")
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>');

/** Fails the build on any problem checkLinks finds. */
export function linkCheck(): AstroIntegration {
	let base = '/';
	return {
		name: 'sourced:link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const problems = await checkLinks(fileURLToPath(dir), base);
				if (problems.length > 0) {
					throw new Error(
						`The built site has ${problems.length} broken link(s) or duplicate id(s):\n  ${problems.slice(0, 30).join('\n  ')}`,
					);
				}
				logger.info(`every internal link and #fragment resolves${base === '/' ? '' : ` under ${base}`}; no duplicate ids`);
			},
		},
	};
}
