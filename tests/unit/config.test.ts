import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOptions, resolveConfig } from '../../src/integration/config.ts';
import { RENDER_CONCURRENCY, sourced } from '../../src/integration/index.ts';
import { bootstrapModule, configModule, virtualModules } from '../../src/integration/virtual-modules.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const temporary = temporaryFolders();

const project = { root: '/srv/site', cacheDir: '/srv/site/node_modules/.astro' };

describe('the sourced() options', () => {
	it('fills in every default, with paths made absolute against the project', () => {
		expect(resolveConfig({}, project)).toEqual({
			site: {
				url: 'http://127.0.0.1:4321/',
				base: '/',
				local: true,
				name: 'Sourced',
				lang: 'en',
				briefsPerPage: 20,
				citingBriefsListed: 5,
			},
			citations: { bibliography: '/srv/site/content/bibliography.bib', style: 'chicago', locale: 'en-US', strictVerification: false },
			paths: { root: '/srv/site', content: '/srv/site/content', cache: '/srv/site/node_modules/.astro' },
		});
	});

	it('takes the base path from the address, and a content folder and cache of its own', () => {
		const config = resolveConfig(
			{ site: 'https://example.org/research', content: 'tests/fixtures/x', bibliography: 'refs.bib', cacheDir: '/tmp/cache' },
			project,
		);
		expect(config.site).toMatchObject({ url: 'https://example.org/research/', base: '/research/', local: false });
		expect(config.citations.bibliography).toBe('/srv/site/tests/fixtures/x/refs.bib');
		expect(config.paths).toEqual({ root: '/srv/site', content: '/srv/site/tests/fixtures/x', cache: '/tmp/cache' });
	});

	it('lets SOURCED_SITE override the address for one deploy, and checks it', () => {
		expect(resolveConfig({ site: 'https://example.org/' }, { ...project, siteOverride: 'https://user.github.io/repo' }).site).toMatchObject(
			{
				url: 'https://user.github.io/repo/',
				base: '/repo/',
			},
		);
		expect(() => resolveConfig({}, { ...project, siteOverride: 'user.github.io/repo' })).toThrow(
			'SOURCED_SITE="user.github.io/repo" must be an http(s) address, e.g. "https://example.org/research/".',
		);
	});

	it('refuses an address it could not publish at as written, saying what to write instead', () => {
		// A path a URL must percent-encode: Astro fails on every brief's download with "Missing parameter: slug".
		expect(() => resolveConfig({}, { ...project, siteOverride: 'https://example.org/recherche%20x/' })).toThrow(
			'SOURCED_SITE="https://example.org/recherche%20x/" has a path with percent-encoded characters ("/recherche x/"): ' +
				'Astro cannot build pages under it; write the path in ASCII letters, digits and - . _ ~ only, e.g. "https://example.org/recherche-x/".',
		);
		expect(() => parseOptions({ site: 'https://example.org/Über Research/' })).toThrow(
			'site: has a path with percent-encoded characters ("/Über Research/"): Astro cannot build pages under it; ' +
				'write the path in ASCII letters, digits and - . _ ~ only, e.g. "https://example.org/Uber-Research/"',
		);
		// A query or fragment would be dropped from every link without a word.
		expect(() => parseOptions({ site: 'https://example.org/research/?utm_source=x' })).toThrow(
			'site: has a query ("?utm_source=x"): pages are published at a path, so remove it, e.g. "https://example.org/research/"',
		);
		expect(() => resolveConfig({}, { ...project, siteOverride: 'https://example.org/research#top' })).toThrow(
			'has a fragment ("#top"): pages are published at a path, so remove it, e.g. "https://example.org/research".',
		);
		// The suggestion keeps the path's folders, and names one when none of its letters can be kept.
		for (const [written, suggested] of [
			[
				'https://example.org/%7Ejsmith/',
				'("/~jsmith/"): Astro cannot build pages under it; write the path in ASCII letters, digits and - . _ ~ only, e.g. "https://example.org/~jsmith/"',
			],
			[
				'https://example.org/a%2Fb/',
				'("/a%2Fb/"): Astro cannot build pages under it; write the path in ASCII letters, digits and - . _ ~ only, e.g. "https://example.org/a-b/"',
			],
			[
				'https://example.org/研究/',
				'("/研究/"): Astro cannot build pages under it; write the path in ASCII letters, digits and - . _ ~ only, e.g. "https://example.org/research/"',
			],
		])
			expect(() => parseOptions({ site: written }), written).toThrow(suggested);
		// An empty query or fragment is dropped.
		expect(resolveConfig({ site: 'https://example.org/research?' }, project).site.url).toBe('https://example.org/research/');
		expect(resolveConfig({}, { ...project, siteOverride: 'https://example.org/research/#' }).site.url).toBe(
			'https://example.org/research/',
		);
		// What URLs leave as they are is fine: a user's tilde folder, capitals.
		expect(resolveConfig({ site: 'https://example.edu/~jdoe' }, project).site).toMatchObject({
			url: 'https://example.edu/~jdoe/',
			base: '/~jdoe/',
		});
		expect(resolveConfig({ site: 'https://Example.ORG/My-Research' }, project).site.base).toBe('/My-Research/');
	});

	it('names every bad option at once, with what is wrong', () => {
		const bad = { site: 'example.org', briefsPerPage: 0, locale: 'english', colour: 'blue' };
		expect(() => parseOptions(bad)).toThrowErrorMatchingInlineSnapshot(`
			[AstroUserError: Invalid sourced() configuration in astro.config.ts:
			  site: must be an http(s) address, e.g. "https://example.org/research/"
			  locale: must be a CSL locale such as "en-US" or "de-DE"
			  briefsPerPage: must be at least 1
			  colour: is not an option of sourced()]
		`);
		// When astro.config.ts is read, before any build starts.
		expect(() => sourced({ strictVerification: 'yes' as unknown as boolean })).toThrow(/strictVerification: /);
	});

	it('refuses a server build: every page is rendered and checked at build time', () => {
		const setup = sourced().hooks['astro:config:setup']!;
		const run = (output: string) =>
			setup({
				config: { output, root: new URL('file:///srv/site/'), cacheDir: new URL('file:///srv/site/node_modules/.astro/') },
			} as never);
		expect(() => run('server')).toThrow("Sourced builds a static site, but astro.config.ts sets output: 'server'.");
	});

	it('renders four pages at once, unless the project sets its own number', () => {
		const setup = sourced().hooks['astro:config:setup']!;
		const concurrency = (set: number) => {
			const updates: { build?: { concurrency?: number } }[] = [];
			void setup({
				command: 'dev',
				config: {
					output: 'static',
					build: { concurrency: set },
					root: new URL('file:///srv/site/'),
					cacheDir: new URL('file:///srv/site/node_modules/.astro/'),
				},
				updateConfig: (update: (typeof updates)[number]) => updates.push(update),
			} as never);
			return updates.find((update) => update.build)?.build?.concurrency;
		};
		expect(concurrency(1)).toBe(RENDER_CONCURRENCY);
		expect(RENDER_CONCURRENCY).toBe(4);
		expect(concurrency(2)).toBeUndefined();
	});

	it('reuses pages only where Astro can tell which pages a change to the content affects, and says why otherwise', () => {
		const root = temporary('project-');
		const outside = temporary('content-');
		const fix =
			'Astro cannot tell which pages a change to the content affects, so every page is rendered on every build (compiled briefs are still kept).';
		mkdirSync(path.join(root, 'content', 'briefs'), { recursive: true });
		writeFileSync(path.join(root, 'content', 'briefs', 'a.mdx'), '');
		// Links the bundler resolves and Astro's record of what a page rendered does not: to a folder outside, to one inside,
		// and a brief that is a link.
		symlinkSync(outside, path.join(root, 'outside'));
		symlinkSync(path.join(root, 'content'), path.join(root, 'inside'));
		mkdirSync(path.join(root, 'shared', 'briefs'), { recursive: true });
		symlinkSync(path.join(root, 'content', 'briefs', 'a.mdx'), path.join(root, 'shared', 'briefs', 'b.mdx'));
		const setup = (content: string, command = 'build') => {
			const updates: { experimental?: { incrementalBuild?: boolean } }[] = [];
			const warnings: string[] = [];
			void sourced({ content }).hooks['astro:config:setup']!({
				command,
				config: {
					output: 'static',
					build: { concurrency: 1 },
					root: pathToFileURL(`${root}/`),
					cacheDir: pathToFileURL(`${root}/node_modules/.astro/`),
				},
				updateConfig: (update: (typeof updates)[number]) => updates.push(update),
				logger: { warn: (message: string) => warnings.push(message), info: () => {} },
			} as never);
			return { reuse: updates.find((update) => update.experimental)?.experimental?.incrementalBuild, warnings };
		};
		expect(setup('content')).toEqual({ reuse: true, warnings: [] });
		expect(setup(outside)).toEqual({
			reuse: false,
			warnings: [
				`the content folder, ${outside}, is outside the project, ${root}: ${fix} Move the content folder into the project for faster builds.`,
			],
		});
		expect(setup('../elsewhere').reuse).toBe(false);
		const linked = (content: string, link: string) => ({
			reuse: false,
			warnings: [
				`the content folder, ${path.join(root, content)}, is reached through a link (${path.join(root, link)}): ${fix} Name the content folder by its real path and keep briefs as files, not links, for faster builds.`,
			],
		});
		expect(setup('outside')).toEqual(linked('outside', 'outside'));
		expect(setup('inside')).toEqual(linked('inside', 'inside'));
		expect(setup('shared')).toEqual(linked('shared', 'shared/briefs/b.mdx'));
		// `astro dev` reuses no pages: nothing to say.
		expect(setup(outside, 'dev').warnings).toEqual([]);
	});

	it('refuses a page of the project that renders on request, and only that', () => {
		const resolved = sourced().hooks['astro:routes:resolved']!;
		const route = (entrypoint: string, origin: string, isPrerendered: boolean) => ({ entrypoint, origin, isPrerendered });
		const check = (...routes: ReturnType<typeof route>[]) => resolved({ routes } as never);
		expect(() => check(route('src/pages/index.astro', 'project', true), route('_server-islands.astro', 'internal', false))).not.toThrow();
		expect(() => check(route('src/pages/index.astro', 'project', true), route('src/pages/live.astro', 'project', false))).toThrow(
			'Sourced builds a static site, but src/pages/live.astro renders on request.',
		);
	});
});

describe('virtual:sourced/config', () => {
	/** A module's source, imported as the page that imports it would. */
	async function load(source: string): Promise<Record<string, unknown>> {
		const file = path.join(temporary('sourced-virtual-'), 'module.mjs');
		writeFileSync(file, source);
		return import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;
	}

	it('gives pages the resolved configuration, whole and by part', async () => {
		const config = resolveConfig({ site: 'https://example.org/research/', name: 'Research' }, project);
		const module = await load(configModule(config, 'v1'));
		expect(module['default']).toEqual(config);
		expect(module['site']).toEqual(config.site);
		expect(module['citations']).toEqual(config.citations);
		expect(module['paths']).toEqual(config.paths);
		expect(module['code']).toBe('v1');
	});

	it('is served by the integration’s Vite plugin, with the bootstrap it was given', async () => {
		const config = resolveConfig({}, project);
		const plugin = virtualModules(config, 'v1', () => 'console.log("</script>")');
		// As the bundler calls a hook with a filter: only for the ids its filter takes.
		const call = (hook: unknown, id: string) => {
			const { filter, handler } = hook as { filter: { id: RegExp }; handler: (id: string) => string | undefined };
			return filter.id.test(id) ? handler(id) : undefined;
		};
		const id = call(plugin.resolveId, 'virtual:sourced/config');
		expect(id).toBe('\0virtual:sourced/config');
		expect(call(plugin.load, id!)).toBe(configModule(config, 'v1'));
		expect(call(plugin.load, call(plugin.resolveId, 'virtual:sourced/bootstrap')!)).toBe(bootstrapModule('console.log("</script>")'));
		expect((await load(bootstrapModule('console.log("</script>")')))['default']).toBe('console.log("</script>")');
		expect(call(plugin.resolveId, './other.ts')).toBeUndefined();
		expect(call(plugin.resolveId, 'virtual:sourced/other')).toBeUndefined();
		expect(call(plugin.load, '\0virtual:astro:routes')).toBeUndefined();
	});
});
