import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { accessOf, isWebSource } from '../bibliography/access.ts';
import type { CitationStage } from '../citations/stage.ts';
import { citationSettings } from './citation-options.ts';
import { briefCitationsOf } from './remark-citations.ts';

/**
 * Leaves on the file (`file.data.unrecordedAccess`) the cited web sources with
 * neither an access date (`urldate`) nor an archived copy (`archiveurl`,
 * bibliography/access.ts), for the build's summary
 * (integrations/web-sources-report.ts). The entries show both where they have
 * them (sources/entry.ts).
 */
export function rehypeAccess({ stage }: { stage: CitationStage }): Transformer<Root> {
	return (_tree, file) => {
		const prepared = briefCitationsOf(file);
		if (!prepared || prepared.bibliography.length === 0) return;
		const { bibliography } = citationSettings(file);
		const items = stage.items(bibliography);
		for (const { key } of prepared.bibliography) {
			const source = prepared.sources.get(key);
			if (!source) continue;
			const csl = items.get(key);
			const access = accessOf(source.entry.fields, csl);
			if (!access.accessed && !access.archiveUrl && isWebSource(source.entry, csl)) (file.data.unrecordedAccess ??= []).push(key);
		}
	};
}
