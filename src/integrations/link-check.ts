import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeWhole } from '../utils/write-whole.ts';

const ID = /\sid="([^"]*)"/g;
const HREF = /\s(?:href|src|action)="([^"]*)"/g;

/** What the check reads of a page: its ids and its links, decoded, in the order written (a link to another site left out). */
export interface PageLinks {
	ids: string[];
	links: string[];
}

/**
 * The version of what `readPage` makes of a page: the digest of this file as
 * written, so that a change to how a page is read never reads back what the
 * old code kept. The file, not the functions' text, which differs with the
 * loader (Vite's transform for `astro build` and `astro dev`, Node's type
 * stripping for `npm run build`): builds made either way share what they kept.
 */
let readVersion: string | undefined;
const version = () => (readVersion ??= hash('sha256', readFileSync(fileURLToPath(import.meta.url)), 'base64url'));

/** Reads a page's ids and links: a function of its bytes alone. */
export function readPage(text: string): PageLinks {
	const ids = Array.from(text.matchAll(ID), ([, id]) => decodeEntities(id!));
	const links: string[] = [];
	for (const [, raw] of text.matchAll(HREF)) {
		const href = decodeEntities(raw!);
		if (!EXTERNAL.test(href.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+/, ''))) links.push(href);
	}
	return { ids, links };
}

/** A link to another site: a scheme (https:, mailto:) or a host (//example.org), after what a browser drops and trims. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Problems in a built site: duplicate ids on a page, internal links to a page
 * or file that does not exist, and `#fragments` that name no element on
 * their target page. A site served under a path (`base`, e.g. /research/)
 * is checked as it will be served: `dir` is the folder served at `base`, and
 * a root-relative link outside it (`/briefs/…` instead of `/research/briefs/…`)
 * is a problem. Pages are read as Astro writes them (double-quoted
 * attributes), which is fast enough to check every page of every build.
 *
 * With `keep` (a file in the site's cache), what was read of each page is
 * kept by the digest of its bytes: the next build reads again only the pages
 * whose bytes changed (in an edit, the one brief), and checks every link of
 * every page again, since a page kept as it was can link to one that changed.
 */
export async function checkLinks(dir: string, base = '/', keep?: string): Promise<string[]> {
	const pages = new Map<string, Set<string>>();
	const problems: string[] = [];
	const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((f) => f.isFile() && f.name.endsWith('.html'))
		.map((f) => path.join(f.parentPath, f.name))
		.sort();
	const kept = keep ? readKept(keep) : new Map<string, PageLinks>();
	const read = new Map<string, PageLinks>();
	const links = new Map<string, string[]>();
	let changed = false;
	for (const file of files) {
		// Read whole and at once: a promise per page cost a third of the check (Buffer to string, opening and closing on the pool).
		const bytes = readFileSync(file);
		const digest = keep ? hash('sha256', bytes, 'base64url') : '';
		let page = read.get(digest) ?? kept.get(digest);
		if (!page) {
			page = readPage(bytes.toString('utf8'));
			changed = true;
		}
		if (keep) read.set(digest, page);
		links.set(file, page.links);
		const ids = new Set<string>();
		for (const id of page.ids) {
			if (ids.has(id)) problems.push(`${path.relative(dir, file)}: duplicate id "${id}"`);
			ids.add(id);
		}
		pages.set(file, ids);
	}
	// Kept: what this site's pages are now (a page gone is forgotten), written only when that is new.
	if (keep && (changed || read.size !== kept.size))
		writeWhole(keep, JSON.stringify({ version: version(), pages: Object.fromEntries(read) }));
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
	for (const [file, hrefs] of links) {
		const page = path.relative(dir, file);
		for (const href of hrefs) {
			// As a browser reads an address: tabs and line breaks dropped, spaces and control characters trimmed at its ends.
			const address = href.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
			// Most links of a brief go to its own ids (citations, notes, figures): the page itself, no address to resolve.
			let target = file;
			let hash = address;
			if (!address.startsWith('#')) {
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

/** What an earlier check kept (checkLinks): nothing if there is no such file, or it is of another version or unreadable. */
function readKept(file: string): Map<string, PageLinks> {
	try {
		const kept = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; pages?: Record<string, PageLinks> };
		if (kept.version === version() && kept.pages && typeof kept.pages === 'object')
			// An entry of another shape (a file edited by hand) is no entry: that page is read again.
			return new Map(Object.entries(kept.pages).filter(([, page]) => isStrings(page?.ids) && isStrings(page.links)));
	} catch {
		// none yet, or written by something else: every page is read
	}
	return new Map();
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

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

/**
 * Fails the build on any problem checkLinks finds; what it read of each page
 * is kept in `cache` (the site's cache directory) for the next build.
 */
export function linkCheck(cache: string): AstroIntegration {
	let base = '/';
	return {
		name: 'sourced:link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const problems = await checkLinks(fileURLToPath(dir), base, path.join(cache, 'sourced-link-check.json'));
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
