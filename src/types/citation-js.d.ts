// citation-js ships no types; these cover the calls src/bibliography/csl.ts makes.
declare module '@citation-js/core' {
	export interface CslName {
		family?: string;
		given?: string;
		literal?: string;
	}
	export interface CslItem {
		id: string;
		type: string;
		title?: string;
		author?: CslName[];
		editor?: CslName[];
		issued?: { 'date-parts'?: (number | string)[][] };
		'container-title'?: string;
		publisher?: string;
		URL?: string;
		DOI?: string;
		[field: string]: unknown;
	}
	export class Cite {
		constructor(data: unknown, options?: { forceType?: string; generateGraph?: boolean });
		data: CslItem[];
		format(format: string, options?: Record<string, unknown>): string;
	}
	export const plugins: {
		config: { get(name: string): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
	};
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
