import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { EXPORTS, exportRecords, exportSources, type ExportFormat } from '../../../bibliography/csl.ts';
import { site } from 'virtual:sourced/config';
import { sourcesCitedBy } from '../../../sources/collection.ts';
import { briefRecord } from '../../../utils/brief-record.ts';
import { briefKey, publishedBriefs, type Brief } from '../../../utils/briefs.ts';

/**
 * Downloads for reference managers, written at build time:
 * `cite.{bib,ris,json}` for the brief itself (by citation-js), `references.{bib,ris,json}`
 * for what it cites, with the author's keys (BibTeX written from the author's
 * entries without private fields; RIS and CSL-JSON with the key as id).
 */
export const getStaticPaths = (async () => {
	const briefs = publishedBriefs(await getCollection('briefs'));
	return briefs.flatMap((brief) => {
		const cacheKey = briefKey(brief);
		return (['cite', 'references'] as const).flatMap((kind) =>
			(Object.keys(EXPORTS) as ExportFormat[]).map((format) => ({
				params: { slug: brief.id, file: `${kind}.${EXPORTS[format].ext}` },
				props: { brief, kind, format },
				cacheKey,
			})),
		);
	});
}) satisfies GetStaticPaths;

interface Props {
	brief: Brief;
	kind: 'cite' | 'references';
	format: ExportFormat;
}

export const GET: APIRoute<Props> = async ({ props: { brief, kind, format } }) => {
	const text =
		kind === 'cite'
			? exportRecords([briefRecord(brief.id, brief.data, site)], format)
			: exportSources(await sourcesCitedBy([brief]), format);
	return new Response(text, { headers: { 'content-type': EXPORTS[format].type } });
};
