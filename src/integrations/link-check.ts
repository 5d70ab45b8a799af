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
 * What the check found on one page, and what that depended on besides the
 * page's own bytes: each page or file its links reach, by its path in the
 * site, with the digest of that page (whose ids a #fragment is checked
 * against) or whether that file existed.
 */
interface PageCheck {
	digest: string;
	targets: Record<string, string | boolean>;
	duplicates: string[];
	links: string[];
}

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
 * kept by the digest of its bytes, and what was found on each page with
 * what it depended on: the next build reads again only the pages whose bytes
 * changed (in an edit, the one brief), and checks again the links of a page
 * that changed or whose links reach a page or file that changed, appeared
 * or went (in an edit, the brief and the pages that link to it). Over the
 * 300-brief bench site, unchanged, in a process of its own: 321–331 ms
 * against 518–543 ms when every link was checked again (reading and hashing
 * the pages is most of what is left); in a build that is time taken from
 * Pagefind, which indexes beside it on the same two cores.
 */
export async function checkLinks(dir: string, base = '/', keep?: string): Promise<string[]> {
	const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((f) => f.isFile() && f.name.endsWith('.html'))
		.map((f) => path.join(f.parentPath, f.name))
		.sort();
	const kept = keep ? readKept(keep, base) : { pages: new Map<string, PageLinks>(), checks: new Map<string, PageCheck>() };
	const read = new Map<string, PageLinks>();
	/** Each page's digest (empty without `keep`) and what was read of it, by its path in the site. */
	const pages = new Map<string, { digest: string; page: PageLinks }>();
	let changed = false;
	for (const file of files) {
		// Read whole and at once: a promise per page cost a third of the check (Buffer to string, opening and closing on the pool).
		const bytes = readFileSync(file);
		const digest = keep ? hash('sha256', bytes, 'base64url') : '';
		let page = read.get(digest) ?? kept.pages.get(digest);
		if (!page) {
			page = readPage(bytes.toString('utf8'));
			changed = true;
		}
		if (keep) read.set(digest, page);
		pages.set(path.relative(dir, file), { digest, page });
	}
	const exists = new Map<string, boolean>();
	/** Whether `where` (a path in the site) is a file: a page found above, or anything else, asked once. */
	const fileExists = (where: string) => {
		if (pages.has(where)) return true;
		let known = exists.get(where);
		if (known === undefined) {
			try {
				known = statSync(path.join(dir, where)).isFile();
			} catch {
				// missing, or a path no file can have (a null byte, a name too long)
				known = false;
			}
			exists.set(where, known);
		}
		return known;
	};
	const ids = new Map<string, Set<string>>();
	const idsOf = (where: string) => {
		let found = ids.get(where);
		if (!found) ids.set(where, (found = new Set(pages.get(where)?.page.ids)));
		return found;
	};
	const checks = new Map<string, PageCheck>();
	for (const [where, { digest, page }] of pages) {
		const before = kept.checks.get(where);
		const still =
			before?.digest === digest &&
			Object.entries(before.targets).every(([target, was]) =>
				typeof was === 'string' ? pages.get(target)?.digest === was : !pages.has(target) && fileExists(target) === was,
			);
		checks.set(where, still ? before : checkPage(where, digest, page, base, { pages, fileExists, idsOf }));
	}
	if (
		keep &&
		(changed ||
			read.size !== kept.pages.size ||
			checks.size !== kept.checks.size ||
			[...checks].some(([where, check]) => kept.checks.get(where) !== check))
	)
		writeWhole(keep, JSON.stringify({ version: version(), base, pages: Object.fromEntries(read), checks: Object.fromEntries(checks) }));
	// Every duplicate id first, then every broken link, each in the order of the pages' paths.
	return [...checks.values()].flatMap((check) => check.duplicates).concat([...checks.values()].flatMap((check) => check.links));
}

/** What checkPage asks of the site: its pages, whether a path is a file, and the ids of a page. */
interface SiteView {
	pages: Map<string, { digest: string; page: PageLinks }>;
	fileExists: (where: string) => boolean;
	idsOf: (where: string) => Set<string>;
}

/** The duplicate ids and broken links of the page at `page` (its path in the site), and the pages and files its links reach. */
function checkPage(page: string, digest: string, { ids, links }: PageLinks, base: string, site: SiteView): PageCheck {
	const duplicates: string[] = [];
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) duplicates.push(`${page}: duplicate id "${id}"`);
		seen.add(id);
	}
	const problems: string[] = [];
	const targets: Record<string, string | boolean> = {};
	const depend = (where: string, exists: boolean) => {
		const reached = site.pages.get(where);
		targets[where] = reached ? reached.digest : exists;
	};
	for (const href of links) {
		// As a browser reads an address: tabs and line breaks dropped, spaces and control characters trimmed at its ends.
		const address = href.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
		// Most links of a brief go to its own ids (citations, notes, figures): the page itself, no address to resolve.
		let target = page;
		let fragment = address;
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
			target = path.join(where, url.pathname.endsWith('/') ? 'index.html' : '');
			const exists = site.fileExists(target);
			depend(target, exists);
			if (!exists) {
				problems.push(`${page}: link to ${href}, but there is no ${target}`);
				continue;
			}
			fragment = url.hash;
		}
		const id = decoded(fragment.slice(1))?.split(':~:')[0];
		if (id === undefined) problems.push(`${page}: link to ${href}: its #fragment is not valid percent-encoding`);
		else if (id && !site.idsOf(target).has(id)) problems.push(`${page}: link to ${href}, but ${target} has no id "${id}"`);
	}
	return { digest, targets, duplicates, links: problems };
}

/** What an earlier check kept (checkLinks): nothing if there is no such file, or it is of another version, for another base, or unreadable. */
function readKept(file: string, base: string): { pages: Map<string, PageLinks>; checks: Map<string, PageCheck> } {
	try {
		const kept = JSON.parse(readFileSync(file, 'utf8')) as {
			version?: unknown;
			base?: unknown;
			pages?: Record<string, PageLinks>;
			checks?: Record<string, PageCheck>;
		};
		if (kept.version === version() && kept.pages && typeof kept.pages === 'object')
			return {
				// An entry of another shape (a file edited by hand) is no entry: that page is read, or checked, again.
				pages: new Map(Object.entries(kept.pages).filter(([, page]) => isStrings(page?.ids) && isStrings(page.links))),
				checks: new Map(
					kept.base === base && kept.checks && typeof kept.checks === 'object'
						? Object.entries(kept.checks).filter(([, check]) => isCheck(check))
						: [],
				),
			};
	} catch {
		// none yet, or written by something else: every page is read
	}
	return { pages: new Map(), checks: new Map() };
}

const isCheck = (check: unknown): check is PageCheck => {
	const { digest, targets, duplicates, links } = (check ?? {}) as Partial<PageCheck>;
	return (
		typeof digest === 'string' &&
		typeof targets === 'object' &&
		targets !== null &&
		Object.values(targets).every((was) => typeof was === 'string' || typeof was === 'boolean') &&
		isStrings(duplicates) &&
		isStrings(links)
	);
};

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
