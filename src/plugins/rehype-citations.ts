import type { Root } from 'hast';
import rehypeCitationGenerator from 'rehype-citation/node/src/generator.js';
import type { Transformer } from 'unified';
import { citationSettings } from './citation-options.ts';
import { briefCitationsOf, type BriefCitations } from './remark-citations.ts';

/**
 * rehype-citation, driven through its documented `generator(Cite)` with a
 * `Cite` that hands it what the citation stage (remark-citations.ts) has
 * already formatted with the build's one engine: the brief's items and its
 * reference list. It places the list (`<div id="refs">`, after the text,
 * before the notes) as it always has; it finds no citation left to format,
 * so it never parses the bibliography again or formats a cluster against
 * all earlier ones (see README, "How citations are formatted").
 *
 *   … <div id="refs" class="references csl-bib-body"><div id="bib-…" class="csl-entry">Klein, Aaron. 2020. …</div></div>
 */
export function rehypeCitations(): Transformer<Root> {
	return async (tree, file) => {
		const prepared = briefCitationsOf(file);
		if (!prepared || prepared.bibliography.length === 0) return;
		const { bibliography, locale } = citationSettings(file);
		const plugin = rehypeCitationGenerator(preparedCite(prepared, locale)) as unknown as (options: object) => Transformer<Root>;
		// rehype-citation joins `path` with the names it is given; ours are absolute.
		await plugin({ path: '/', bibliography, csl: STYLE, lang: locale })(tree, file, () => undefined);
	};
}

const STYLE = 'sourced-prepared';

/**
 * A citation-js `Cite` as rehype-citation calls it: `new Cite(bibliography)`
 * for the items, `plugins.config.get('@csl')` for the styles, locales and
 * engine. Its items have ids no text can cite (so rehype-citation leaves
 * literal text such as an escaped `\[@key\]` alone), and its engine returns
 * the reference list already formatted.
 */
function preparedCite(prepared: BriefCitations, locale: string) {
	const data = prepared.bibliography.map(({ key }) => ({ id: `\0${key}` }));
	const engine = {
		opt: { xclass: 'in-text' },
		registry: { mylist: data.map((item) => item.id) },
		cslXml: { dataObj: { children: [{ children: [{ attrs: { 'citation-format': 'author-date' } }] }] } },
		makeBibliography: () => [
			{ entry_ids: data.map((item) => [item.id]) },
			prepared.bibliography.map(({ html }) => `<div class="csl-entry">${html}</div>`),
		],
		updateItems: () => undefined,
	};
	const config = {
		templates: { data: { [STYLE]: '' } },
		locales: { data: { [locale]: '' } },
		engine: () => engine,
	};
	function Cite(this: { data: typeof data }) {
		this.data = data;
	}
	Cite.plugins = { config: { get: () => config } };
	return Cite;
}
