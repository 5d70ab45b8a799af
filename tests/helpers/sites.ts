import { readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseHTML } from 'linkedom';
import { inject } from 'vitest';
import type { SourcedOptions } from '../../src/integration/index.ts';
import { buildSite, contentCopy, fixture, outRoot, root, type BuildResult } from './build.ts';

/**
 * The sites the build and browser tests read, each built at most once per
 * test run, and only when a test file asks for it (`ready`, `built`).
 */
export const SITES = {
	/** The real site: content/. */
	site: path.join(root, 'content'),
	/** The real briefs and two short copies of the real brief, two briefs a page, published under https://example.org/research/ (see contentFor). */
	research: path.join(root, 'content'),
	/** Every fixture that builds, each brief with its own bibliography: forms, hostile input, figures, evidence, real-world BibTeX … */
	combined: fixture('combined'),
	/** Frontmatter whose dates are not dates: the build stops while reading content. */
	'bad-frontmatter': fixture('bad-frontmatter'),
} as const;

export type SiteName = keyof typeof SITES;

/** Sites built with options of their own: the real site published under a path, two briefs a page. */
export const SITE_OPTIONS = {
	research: { site: 'https://example.org/research/', briefsPerPage: 2 },
} satisfies Partial<Record<SiteName, SourcedOptions>>;

/** How many short copies of the real brief the site under a path has (shortCopies): one page of briefs, the real brief on the next. */
export const SHORT_COPIES = SITE_OPTIONS.research.briefsPerPage;

/** Sites built from a copy of their content (contentCopy), since a build writes its content's anchors.json and tests never write into tracked folders. */
const COPIED: readonly SiteName[] = ['combined'];

/**
 * Short copies of the real brief (SHORT_COPIES), newer by their names: its frontmatter
 * (the same dates), a title of their own and six short sections citing the
 * real bibliography. Enough for a second page of briefs and a search page that
 * lists sections, at a fraction of the real brief's cost to build.
 */
async function shortCopies(dir: string): Promise<void> {
	const real = await readFile(path.join(root, 'content/briefs/internet-plus.mdx'), 'utf8');
	const frontmatter = real.slice(0, real.indexOf('\n---\n', 4) + 5);
	for (let i = 1; i <= SHORT_COPIES; i++) {
		const n = String(i).padStart(2, '0');
		const sections = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map(
			(name) => `## Section ${name.toLowerCase()}\n\nCopy ${n}, section ${name.toLowerCase()}: payments moved to phones [@klein2020].\n`,
		);
		const brief =
			frontmatter.replace(/^title: "(.*)"$/m, `title: "$1 (copy ${n})"`) + `\nA short copy of the brief.\n\n${sections.join('\n')}`;
		await writeFile(path.join(dir, 'briefs', `brief-${n}.mdx`), brief);
	}
}

/**
 * The content a site is built from: a copy of the fixture, or, for the site
 * under a path, the real briefs and bibliography and short copies of the
 * real brief (shortCopies), so that the real brief is on the second page of briefs.
 */
async function contentFor(name: SiteName): Promise<string> {
	const content = SITES[name];
	if (name === 'research') {
		const dir = contentCopy(name);
		await rm(dir, { recursive: true, force: true });
		await mkdir(dir, { recursive: true });
		await cp(path.join(content, 'briefs'), path.join(dir, 'briefs'), { recursive: true });
		await cp(path.join(content, 'bibliography.bib'), path.join(dir, 'bibliography.bib'));
		await shortCopies(dir);
		return dir;
	}
	if (!COPIED.includes(name)) return content;
	const dir = contentCopy(name);
	await rm(dir, { recursive: true, force: true });
	await cp(content, dir, { recursive: true });
	return dir;
}

/** This test run, the same in every worker (vitest.config.ts): a build of an earlier run is never reused. */
const run = () => inject('buildRun');

const resultFile = (name: SiteName) => path.join(outRoot, `${name}.build.json`);

async function finished(name: SiteName): Promise<BuildResult | undefined> {
	try {
		const result = JSON.parse(await readFile(resultFile(name), 'utf8')) as BuildResult & { run: string };
		return result.run === run() ? result : undefined;
	} catch {
		return undefined;
	}
}

const builds = new Map<SiteName, Promise<BuildResult>>();

/**
 * Builds a site once per test run, whichever test file asks first. Test files
 * run in parallel workers: the first to ask takes a lock (a folder in
 * tests/.out) and builds; the others wait for its result instead of building
 * the same site again.
 */
export function built(name: SiteName): Promise<BuildResult> {
	let build = builds.get(name);
	if (!build) {
		build = (async () => {
			await mkdir(outRoot, { recursive: true });
			const lock = path.join(outRoot, `${name}.${run()}.lock`);
			for (;;) {
				const done = await finished(name);
				if (done) return done;
				try {
					await mkdir(lock);
				} catch {
					// Another worker builds it: wait for its result.
					await delay(250);
					continue;
				}
				const result = await buildSite(name, await contentFor(name), (SITE_OPTIONS as Partial<Record<SiteName, SourcedOptions>>)[name]);
				await writeFile(resultFile(name), JSON.stringify({ run: run(), ...result }));
				// Workers that wait read the result first; the lock is not needed once it is written.
				await rm(lock, { recursive: true, force: true });
				return result;
			}
		})();
		builds.set(name, build);
	}
	return build;
}

/** Builds a site that must build, and fails the test (or hook) that needs it with the build's own output if it does not. */
export async function ready(name: SiteName): Promise<BuildResult> {
	const result = await built(name);
	if (result.code !== 0) throw new Error(`The build of "${name}" failed (exit code ${result.code}):\n${result.output}`);
	return result;
}

export const distOf = (name: SiteName) => path.join(outRoot, name, 'dist');

const file = (name: SiteName, urlPath: string) => path.join(distOf(name), urlPath.replace(/\/$/, '/index.html'));

/** A built page (after `ready(name)`), parsed with a real HTML parser. */
export function page(name: SiteName, urlPath: string): Document {
	return parseHTML(readFileSync(file(name, urlPath), 'utf8')).document;
}

/** A built page's HTML (after `ready(name)`). */
export const html = (name: SiteName, urlPath: string) => readFileSync(file(name, urlPath), 'utf8');
