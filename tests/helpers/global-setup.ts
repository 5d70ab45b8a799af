import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeCorpus } from '../../scripts/corpus.ts';
import type { SourcedOptions } from '../../src/integration/index.ts';
import { buildSite, contentCopy, fixture, outRoot, root } from './build.ts';

/** Site builds the build and browser layers share; each is built once per run. */
export const SITES = {
	site: path.join(root, 'content'),
	citations: fixture('citations'),
	'widely-cited': fixture('widely-cited'),
	'unknown-key': fixture('unknown-key'),
	'duplicate-key': fixture('duplicate-key'),
	'malformed-bib': fixture('malformed-bib'),
	'bad-frontmatter': fixture('bad-frontmatter'),
	'real-bib': fixture('real-bib'),
	'bad-bib-many': fixture('bad-bib-many'),
	figures: fixture('figures'),
	'figure-errors': fixture('figure-errors'),
	untrusted: fixture('untrusted'),
	research: path.join(root, 'content'),
	'citation-letters': fixture('citation-letters'),
	'braced-citations': fixture('braced-citations'),
	'citation-problems': fixture('citation-problems'),
	evidence: fixture('evidence'),
	'evidence-problems': fixture('evidence-problems'),
} as const;

export type SiteName = keyof typeof SITES;

/** Sites built with options of their own (besides their content): the real site (with more briefs, see contentFor) published under a path. */
export const SITE_OPTIONS: Partial<Record<SiteName, SourcedOptions>> = {
	research: { site: 'https://example.org/research/' },
};

/**
 * Sites built from a copy of their fixture (tests/helpers/build.ts contentCopy), which the build may write to:
 * a build writes its content's anchors.json, and tests never write into tracked folders.
 */
const COPIED: readonly SiteName[] = ['untrusted', 'real-bib', 'figures', 'citations', 'widely-cited', 'citation-letters', 'evidence'];

/**
 * The content a site is built from, in a folder of its own where the build
 * may write: a copy of the fixture, or, for the site under a path, the real
 * briefs and 20 copies of the real brief (newer by their names), so that the
 * real brief is on the second page of briefs.
 */
async function contentFor(name: SiteName, content: string): Promise<string> {
	if (name === 'research') {
		const dir = await makeCorpus(20, contentCopy(name), root);
		await cp(path.join(content, 'briefs'), path.join(dir, 'briefs'), { recursive: true });
		return dir;
	}
	if (!COPIED.includes(name)) return content;
	const dir = contentCopy(name);
	await rm(dir, { recursive: true, force: true });
	await cp(content, dir, { recursive: true });
	return dir;
}

export default async function setup() {
	// Both layers name this setup; build once when they run in one process.
	if (process.env['SOURCED_TEST_BUILDS']) return;
	process.env['SOURCED_TEST_BUILDS'] = outRoot;
	{
		await mkdir(outRoot, { recursive: true });
		const results: Record<string, { code: number | null; output: string }> = {};
		// SOURCED_TEST_SITES=site,citations builds only those (to run a few test files quickly).
		const only = process.env['SOURCED_TEST_SITES']?.split(',');
		for (const [name, content] of Object.entries(SITES) as [SiteName, string][]) {
			if (only && !only.includes(name)) continue;
			const { code, output } = await buildSite(name, await contentFor(name, content), SITE_OPTIONS[name]);
			results[name] = { code, output };
		}
		await writeFile(path.join(outRoot, 'builds.json'), JSON.stringify(results, null, 2));
	}
}
