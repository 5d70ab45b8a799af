import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { displayPath } from '../bibliography/load.ts';
import { mdxBracedCitations } from '../citations/mdx-braces.ts';
import { CitationStage } from '../citations/stage.ts';
import { anchorManifest } from '../integrations/anchor-manifest.ts';
import { cachePrune } from '../integrations/cache-prune.ts';
import { compiledBriefs } from '../integrations/compiled-briefs.ts';
import { citationReport } from '../integrations/citation-report.ts';
import { clientScripts } from '../integrations/client-scripts.ts';
import { contentWarnings } from '../integrations/content-warnings.ts';
import { devFiles } from '../integrations/dev-files.ts';
import { linkCheck } from '../integrations/link-check.ts';
import { pagefind } from '../integrations/pagefind.ts';
import { pageReuse, untrackedContent } from '../integrations/page-reuse.ts';
import { security } from '../integrations/security.ts';
import { sharingCards } from '../integrations/sharing-cards.ts';
import { siteAddress } from '../integrations/site-address.ts';
import { webSourcesReport } from '../integrations/web-sources-report.ts';
import { markdownProcessor } from '../plugins/index.ts';
import { CompileThread } from '../plugins/compile-thread.ts';
import { MdxCache } from '../plugins/mdx-cache.ts';
import { CardPainter, paintAfterCompiling } from '../sharing/painter.ts';
import { BuildCollector } from './collector.ts';
import { codeVersion } from '../utils/code-version.ts';
import { parseOptions, resolveConfig } from './config.ts';
import type { SourcedOptions } from './schema.ts';
import { virtualModules } from './virtual-modules.ts';

export type { SourcedOptions } from './schema.ts';
export type { SourcedConfig } from './config.ts';

/**
 * How many pages Astro renders at once. Rendering is work on one thread,
 * but each page then waits for its file to be written: one at a time, the
 * thread idled about a quarter of the 7–8 s a warm 300-brief build spends
 * rendering its 2,128 routes (a CPU profile). Four at a time: 7.3–7.9 s →
 * 5.8–6.7 s, three alternating warm builds each; 8 and 16 did no better.
 */
export const RENDER_CONCURRENCY = 4;

/**
 * The whole site as one Astro integration: content → plugins
 * (markdown.processor, which MDX inherits) → components → pages → search
 * index. `options` are checked at once (schema.ts); the rest is settled in
 * `astro:config:setup`, where Astro says where the project and its cache
 * are. Each call owns its build's state: the citation stage the plugins
 * share, and the collector that takes what they leave on each brief's
 * `file.data` to the hooks at the end of the build. Pages read the
 * configuration from `virtual:sourced/config`.
 *
 * The site's address comes from `options.site`, or, for one deploy, from
 * SOURCED_SITE (README, "Publish"): the one setting read from the environment.
 */
export function sourced(options: SourcedOptions = {}): AstroIntegration {
	parseOptions(options);
	return {
		name: 'sourced',
		hooks: {
			'astro:config:setup': ({ config: astro, command, updateConfig, logger }) => {
				// Every page is rendered once, at build time, from what the build keeps in its cache (a brief's HTML
				// included, plugins/mdx-cache.ts), then checked and indexed as files: a server has none of that.
				if (astro.output !== 'static')
					throw new AstroError(
						`Sourced builds a static site, but astro.config.ts sets output: '${astro.output}'.`,
						'Remove `output` (or set it to \'static\'); the built folder can be served by any static host (README, "Publish").',
					);
				const config = resolveConfig(options, {
					root: fileURLToPath(astro.root),
					cacheDir: fileURLToPath(astro.cacheDir),
					siteOverride: process.env['SOURCED_SITE'],
				});
				const collector = new BuildCollector();
				const code = codeVersion(config.paths.root);
				const stage = new CitationStage({ cacheDir: config.paths.cache, root: config.paths.root, locale: config.citations.locale, code });
				// Sharing cards are drawn ahead of their pages only in a build; `astro dev` draws one when it is asked for.
				const painter = command === 'build' ? new CardPainter(config.paths) : undefined;
				// A second thread compiles briefs in a build that has many to compile (plugins/compile-thread.ts).
				const thread = command === 'build' ? new CompileThread(config, (card) => painter?.paint(card)) : undefined;
				const mdxCache = new MdxCache(config, collector, command === 'build', thread);
				// In a build from nothing, the thread loads the pipeline while Astro starts, on the core that is idle then.
				if (thread && mdxCache.compilesMany()) thread.start();
				// Pages are reused only where Astro can tell which of them a change to the content affects (integrations/page-reuse.ts).
				const untracked = untrackedContent(config.paths.content, config.paths.root);
				if (untracked !== undefined && command === 'build') logger.warn(untracked);
				const scripts = { bootstrap: '' };
				const search = pagefind(collector, config, stage);
				const anchors = anchorManifest(collector, config.paths.content);
				updateConfig({
					site: config.site.url,
					base: config.site.base,
					trailingSlash: 'always',
					// A page whose cacheKey, code and rendered briefs are those of the last build is copied from it, not rendered again
					// (utils/page-key.ts; README, "How a build reuses its pages").
					experimental: { incrementalBuild: untracked === undefined },
					// Unless the project sets its own (Astro's default is one).
					...(astro.build.concurrency === 1 ? { build: { concurrency: RENDER_CONCURRENCY } } : {}),
					// The painter as a function only: Astro writes the processor's options into its configuration's digests, and the
					// painter's counters there made every build's digest new (utils/code-version.ts).
					markdown: {
						processor: markdownProcessor({
							config,
							stage,
							collector,
							mdxCache,
							painter: painter && { paint: (card) => painter.paint(card) },
						}),
					},
					vite: {
						plugins: [
							virtualModules(config, code, () => scripts.bootstrap),
							mdxBracedCitations(displayPath),
							...(painter ? [paintAfterCompiling(painter)] : []),
						],
						build: { rolldownOptions: { onwarn: withoutAstroDirectiveNoise } },
					},
					integrations: [
						// Static parts of a brief (all of it: briefs import no components) compiled to HTML strings, not JSX calls: a third
						// less JavaScript to bundle, and a quarter less peak memory on 300 briefs (README, "Benchmarks").
						mdx({ optimize: true }),
						pageReuse(),
						sitemap({ filter: (page) => !page.endsWith('/404/') }),
						clientScripts(scripts, config.site.base),
						devFiles(),
						// Pagefind indexes the pages in its own process while the checks read them.
						search.start,
						linkCheck(config.paths.cache),
						security(),
						anchors.prepare,
						search.finish,
						citationReport(collector, config, stage),
						contentWarnings(collector),
						webSourcesReport(collector),
						anchors.write,
						siteAddress(config.site),
						compiledBriefs(mdxCache),
						...(painter ? [sharingCards(painter)] : []),
						cachePrune(config.paths.cache),
					],
				});
			},
			// The same for a page of the project's own that renders on request (`export const prerender = false`, with an adapter).
			'astro:routes:resolved': ({ routes }) => {
				const live = routes.filter((route) => route.origin === 'project' && !route.isPrerendered);
				if (live.length > 0)
					throw new AstroError(
						`Sourced builds a static site, but ${live.map((route) => route.entrypoint).join(', ')} ${live.length === 1 ? 'renders' : 'render'} on request.`,
						'Remove `export const prerender = false` from it: every page is rendered at build time (README, "Publish").',
					);
			},
		},
	};
}

/**
 * Drops the bundler's warning that the directive "use astro:head-inject"
 * "may not be preserved when bundling": Astro writes that directive into a
 * wrapper of every MDX content entry and handles it itself, so a build of
 * 300 briefs printed 300 lines an author can do nothing about. Every other
 * warning goes through as before.
 */
function withoutAstroDirectiveNoise(
	warning: { code?: string; message: string },
	warn: (warning: { code?: string; message: string }) => void,
): void {
	if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
	warn(warning);
}
