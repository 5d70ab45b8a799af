import path from 'node:path';
import { AstroError } from 'astro/errors';
import { basePath } from '../utils/site-url.ts';
import { LOCAL_SITE, SourcedOptionsSchema, type SourcedOptions, type SourcedParsedOptions } from './schema.ts';

/**
 * The site's configuration as the build and its pages read it: the options
 * with defaults filled in and paths made absolute. Plugins and build hooks
 * are handed it; pages and components import it from `virtual:sourced/config`.
 */
export interface SourcedConfig {
	site: {
		/** The address the site is built for, always with a final slash (`https://example.org/research/`). */
		url: string;
		/** The path it is served under, with a final slash (`/research/`). */
		base: string;
		/** Whether `url` is still the local default (LOCAL_SITE): fit to preview, not to publish. */
		local: boolean;
		name: string;
		lang: string;
		briefsPerPage: number;
		citingBriefsListed: number;
	};
	citations: {
		/** Absolute path of the site's bibliography. */
		bibliography: string;
		style: string;
		locale: string;
		strictVerification: boolean;
	};
	paths: {
		/** The project (Astro's `root`). */
		root: string;
		/** The content folder. */
		content: string;
		/** Where the site's own caches live. */
		cache: string;
	};
}

/** Checks the options, naming every bad one at once (an AstroError, which Astro prints with its hint). */
export function parseOptions(options: unknown): SourcedParsedOptions {
	const parsed = SourcedOptionsSchema.safeParse(options ?? {});
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.map((issue) => {
		const name = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(options)';
		const message = issue.code === 'unrecognized_keys' ? `is not an option of sourced()` : issue.message;
		return `${name}: ${message}`;
	});
	throw new AstroError(
		`Invalid sourced() configuration in astro.config.ts:\n  ${problems.join('\n  ')}`,
		`The options are listed in README.md, "Configuration" (src/integration/schema.ts).`,
	);
}

/** Where the project is and what Astro chose, as the integration's hooks learn it. */
export interface Environment {
	root: string;
	/** Astro's `cacheDir`, for when the options name none. */
	cacheDir: string;
	/** SOURCED_SITE: the one override, of the site's address, for a deploy (README, "Publish"). */
	siteOverride?: string | undefined;
}

/** The options resolved against the project: absolute paths, the site's address (or its override) and its base path. */
export function resolveConfig(options: SourcedOptions, { root, cacheDir, siteOverride }: Environment): SourcedConfig {
	const parsed = parseOptions(options);
	if (siteOverride) {
		const checked = SourcedOptionsSchema.shape.site.safeParse(siteOverride);
		if (!checked.success)
			throw new AstroError(
				`SOURCED_SITE="${siteOverride}" ${checked.error.issues.map((issue) => issue.message).join('; ')}.`,
				'Set it to the address the site is published at, e.g. https://example.org/research/.',
			);
	}
	const url = new URL(siteOverride || parsed.site);
	// An empty query or fragment (`…/research/?`), which the checks above let through.
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	const content = path.resolve(root, parsed.content);
	return {
		site: {
			url: url.href,
			base: basePath(url.href),
			local: url.origin === new URL(LOCAL_SITE).origin,
			name: parsed.name,
			lang: parsed.lang,
			briefsPerPage: parsed.briefsPerPage,
			citingBriefsListed: parsed.citingBriefsListed,
		},
		citations: {
			bibliography: path.resolve(content, parsed.bibliography),
			style: parsed.style,
			locale: parsed.locale,
			strictVerification: parsed.strictVerification,
		},
		paths: { root, content, cache: path.resolve(root, parsed.cacheDir ?? cacheDir) },
	};
}
