import { z } from 'astro/zod';

/** The address `npm start` serves the site on, and the site's address until one is set (the build warns). */
export const LOCAL_SITE = 'http://127.0.0.1:4321/';

/**
 * What a site's address may not have, though it is a URL: a query or a
 * fragment (pages live at paths; either would be dropped from every link
 * without a word), or a path with percent-encoded characters, which is how a
 * URL writes a space or a letter outside ASCII: Astro cannot build the pages
 * of a route with parameters under such a base ("Missing parameter: slug").
 * Undefined when the address is fit to publish at.
 */
export function siteAddressProblem(address: string): string | undefined {
	// Not a URL at all: z.url says so.
	if (!URL.canParse(address)) return undefined;
	const url = new URL(address);
	if (url.search || url.hash)
		return `has a ${url.search ? 'query' : 'fragment'} ("${url.search || url.hash}"): pages are published at a path, so remove it, e.g. "${url.origin}${url.pathname}"`;
	if (url.pathname.includes('%')) {
		const segments = url.pathname.split('/').map(decodeSegment);
		const shown = segments.map((segment) => segment.replaceAll('/', '%2F')).join('/');
		const suggested = segments.map(plainSegment).filter(Boolean);
		const path = suggested.length > 0 ? `/${suggested.join('/')}/` : '/research/';
		return `has a path with percent-encoded characters ("${shown}"): Astro cannot build pages under it; write the path in ASCII letters, digits and - . _ ~ only, e.g. "${url.origin}${path}"`;
	}
	return undefined;
}

const decodeSegment = (segment: string) => {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
};

/** "Über Research" → "Uber-Research": accents dropped, anything else outside the unreserved characters a hyphen; "研究" → "". */
const plainSegment = (segment: string) =>
	segment
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9\-._~]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** What `sourced({…})` in astro.config.ts takes; every option has a default. */
export const SourcedOptionsSchema = z.strictObject({
	/**
	 * Where the site is published, with its path if it has one (`https://example.org/research/`): every link, feed,
	 * sitemap and citation is made from it. SOURCED_SITE overrides it for one deploy (README, "Publish").
	 */
	site: z
		.url({ protocol: /^https?$/, error: 'must be an http(s) address, e.g. "https://example.org/research/"' })
		.superRefine((address, context) => {
			const problem = siteAddressProblem(address);
			if (problem) context.addIssue({ code: 'custom', message: problem });
		})
		.default(LOCAL_SITE),
	/** The site's name: header, titles, feed, sharing cards, and the publisher of its briefs' citations. */
	name: z.string().trim().min(1, 'must not be empty').default('Sourced'),
	/** The language of the site's pages and search index (a BCP 47 tag). */
	lang: z
		.string()
		.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"')
		.default('en'),
	/** The folder of briefs and bibliographies, relative to the project (or absolute). */
	content: z.string().min(1, 'must name a folder').default('content'),
	/** The bibliography briefs cite unless their frontmatter names another, relative to the content folder. */
	bibliography: z.string().min(1, 'must name a .bib file').default('bibliography.bib'),
	/** The citation style unless a brief names another: chicago, mla, apa, vancouver, harvard1, or a .csl file in the content folder. */
	style: z.string().min(1, 'must name a style').default('chicago'),
	/** The locale citations are formatted in (CSL's terms and dates). */
	locale: z
		.string()
		.regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'must be a CSL locale such as "en-US" or "de-DE"')
		.default('en-US'),
	/**
	 * Whether every cited bibliography entry must say what was checked: with `true`, an entry without a `verification`
	 * field fails the build; with `false`, it shows "Not yet checked" and is counted in one line at the end of the build.
	 */
	strictVerification: z.boolean().default(false),
	/** How many briefs the home page lists, newest first; older ones follow on /page/2/, /page/3/ … */
	briefsPerPage: z.int('must be a whole number').positive('must be at least 1').default(20),
	/** How many citing briefs a source's entry on /references/ and its search record name; its own page names them all. */
	citingBriefsListed: z.int('must be a whole number').positive('must be at least 1').default(5),
	/** Where formatted citations, compiled briefs and sharing cards are kept between builds (default: Astro's `cacheDir`). */
	cacheDir: z.string().min(1).optional(),
});

/** The options as written in astro.config.ts. */
export type SourcedOptions = z.input<typeof SourcedOptionsSchema>;
/** The options with every default filled in. */
export type SourcedParsedOptions = z.output<typeof SourcedOptionsSchema>;
