import type { Root } from 'hast';
import rehypeCitation from 'rehype-citation';
import type { Transformer } from 'unified';
import { cslJsonFor } from '../bibliography/csl.ts';
import { citationDefaults } from '../site.config.ts';
import { citationSettings } from './citation-options.ts';

type Transform = (tree: Root, file: Parameters<Transformer<Root>>[1]) => Promise<void>;
const transforms = new Map<string, Transform>();

/**
 * rehype-citation with the brief's own bibliography and CSL style:
 *
 *   <p>Payments moved to phones [@klein2020].</p>
 *   → <p>Payments moved to phones <span id="citation--klein2020--1">(<a href="#bib-klein2020">Klein 2020</a>)</span>.</p>
 *     … <div id="refs" class="references csl-bib-body"><div id="bib-klein2020" class="csl-entry">…</div></div>
 *
 * Unknown keys never reach it: remark-citation-lint has failed the build first.
 */
export function rehypeCitations(): Transformer<Root> {
	return async (tree, file) => {
		const { bibliography, rehypeCsl: csl } = citationSettings(file);
		const json = cslJsonFor(bibliography);
		const id = `${json}\0${csl}`;
		let transform = transforms.get(id);
		if (!transform) {
			const plugin = rehypeCitation as unknown as (options: object) => Transform;
			// rehype-citation joins `path` with the names it is given; ours are absolute.
			transform = plugin({ path: '/', bibliography: json, csl, lang: citationDefaults.lang, linkCitations: true });
			transforms.set(id, transform);
		}
		await transform(tree, file);
	};
}
