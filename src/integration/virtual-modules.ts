import type { Plugin } from 'vite';
import type { SourcedConfig } from './config.ts';

/** What the build hands to pages and components, by module id. */
const VIRTUAL_CONFIG = 'virtual:sourced/config';
const VIRTUAL_BOOTSTRAP = 'virtual:sourced/bootstrap';

/**
 * The source of `virtual:sourced/config`: the whole configuration, and each
 * of its parts by name; and the version of the code building the site
 * (utils/code-version.ts), which the pages' citation stage names the
 * readings of bibliographies it shares with the plugins' by.
 */
export function configModule(config: SourcedConfig, code: string): string {
	return [
		`export const site = ${JSON.stringify(config.site)};`,
		`export const citations = ${JSON.stringify(config.citations)};`,
		`export const paths = ${JSON.stringify(config.paths)};`,
		`export const code = ${JSON.stringify(code)};`,
		'export default { site, citations, paths };',
	].join('\n');
}

/** The source of `virtual:sourced/bootstrap`: the inline script every page carries (integration/client-scripts.ts). */
export const bootstrapModule = (script: string) => `export default ${JSON.stringify(script)};`;

/**
 * Serves the build's data to pages, components and content.config.ts as
 * Vite virtual modules (typed in src/virtual.d.ts). `bootstrap` is asked
 * for when a page first imports it, after every setup hook has run.
 */
export function virtualModules(config: SourcedConfig, code: string, bootstrap: () => string): Plugin {
	const modules: Record<string, () => string> = {
		[VIRTUAL_CONFIG]: () => configModule(config, code),
		[VIRTUAL_BOOTSTRAP]: () => bootstrapModule(bootstrap()),
	};
	// Hook filters: the bundler calls these two for our ids only, not for every module of the site.
	return {
		name: 'sourced:virtual-modules',
		resolveId: {
			filter: { id: /^virtual:sourced\// },
			handler: (id) => (id in modules ? `\0${id}` : undefined),
		},
		load: {
			filter: { id: /^\0virtual:sourced\// },
			handler: (id) => modules[id.slice(1)]?.(),
		},
	};
}
