import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, fixture, outRoot, root } from './build.ts';

/** Site builds the build and browser layers share; each is built once per run. */
export const SITES = {
	site: path.join(root, 'content'),
	citations: fixture('citations'),
	'widely-cited': fixture('widely-cited'),
	'unknown-key': fixture('unknown-key'),
	'duplicate-key': fixture('duplicate-key'),
	'malformed-bib': fixture('malformed-bib'),
	'bad-frontmatter': fixture('bad-frontmatter'),
	'citation-letters': fixture('citation-letters'),
	'braced-citations': fixture('braced-citations'),
	'citation-problems': fixture('citation-problems'),
	evidence: fixture('evidence'),
	'evidence-problems': fixture('evidence-problems'),
} as const;

export type SiteName = keyof typeof SITES;

export default async function setup() {
	// Both layers name this setup; build once when they run in one process.
	if (process.env['SOURCED_TEST_BUILDS']) return;
	process.env['SOURCED_TEST_BUILDS'] = outRoot;
	{
		await mkdir(outRoot, { recursive: true });
		const results: Record<string, { code: number | null; output: string }> = {};
		// SOURCED_TEST_SITES=site,citations builds only those (to run a few test files quickly).
		const only = process.env['SOURCED_TEST_SITES']?.split(',');
		for (const [name, content] of Object.entries(SITES)) {
			if (only && !only.includes(name)) continue;
			const { code, output } = await buildSite(name, content);
			results[name] = { code, output };
		}
		await writeFile(path.join(outRoot, 'builds.json'), JSON.stringify(results, null, 2));
	}
}
