/** Served by the sourced() integration (integration/virtual-modules.ts) to pages, components and content.config.ts. */
declare module 'virtual:sourced/config' {
	type SourcedConfig = import('./integration/config.ts').SourcedConfig;
	export const site: SourcedConfig['site'];
	export const citations: SourcedConfig['citations'];
	export const paths: SourcedConfig['paths'];
	/** The version of the code building the site (utils/code-version.ts). */
	export const code: string;
	const config: SourcedConfig;
	export default config;
}

/** The inline bootstrap script every page runs (integration/client-scripts.ts). */
declare module 'virtual:sourced/bootstrap' {
	const script: string;
	export default script;
}
