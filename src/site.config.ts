import path from 'node:path';

/**
 * Project root: the folder holding astro.config.ts, which sets SOURCED_ROOT
 * (this module is also bundled into the build, where its own URL says nothing).
 */
export const projectRoot = process.env['SOURCED_ROOT'] ?? process.cwd();

/**
 * Where briefs and bibliographies live. Tests point this at a fixture folder
 * with SOURCED_CONTENT so that they build the real pages over other content.
 */
export const contentDir = path.resolve(projectRoot, process.env['SOURCED_CONTENT'] ?? 'content');

/** Site-wide citation defaults; a brief may override both in its frontmatter. */
export const citationDefaults = {
	bibliography: 'bibliography.bib',
	/** Chicago Manual of Style, 17th edition, author-date. */
	csl: 'chicago',
	lang: 'en-US',
} as const;

/** The address `npm start` serves the site on, and the site's address until one is set (the build warns). */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

export const site = {
	name: 'Sourced',
	/**
	 * Where the site is published, with its path if it has one
	 * (`https://example.org/research/`): every link, feed, sitemap and citation
	 * is made from it (utils/url.ts). Set it here, or for one deploy with
	 * SOURCED_SITE (README, "Publish").
	 */
	url: process.env['SOURCED_SITE'] ?? LOCAL_SITE,
	lang: 'en',
	/**
	 * How many citing briefs a source's entry on /references/ and its search
	 * record name; its own page, /references/<key>/, names them all.
	 */
	citingBriefsListed: 5,
	/**
	 * Whether every cited bibliography entry must say what was checked: with
	 * `true`, an entry without a `verification` field fails the build; with
	 * `false`, it is shown as "Not yet checked" and counted in one line at the
	 * end of the build.
	 */
	strictVerification: false,
	/**
	 * How many briefs the home page lists, newest first; older ones follow on
	 * /page/2/, /page/3/ … so that no page grows with the site.
	 */
	briefsPerPage: 20,
} as const;
