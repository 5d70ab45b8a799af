import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { EXPORTS, exportRecords, type ExportFormat } from '../../../bibliography/csl.ts';
import { briefRecord } from '../../../utils/brief-record.ts';
import { publishedBriefs, type Brief } from '../../../utils/briefs.ts';
import { briefSources } from '../../../utils/sources.ts';

/**
 * Downloads for reference managers, written by citation-js at build time:
 * `cite.{bib,ris,json}` for the brief itself, `references.{bib,ris,json}` for what it cites.
 */
export const getStaticPaths = (async () => {
	const briefs = publishedBriefs(await getCollection('briefs'));
	return briefs.flatMap((brief) =>
		(['cite', 'references'] as const).flatMap((kind) =>
			(Object.keys(EXPORTS) as ExportFormat[]).map((format) => ({
				params: { slug: brief.id, file: `${kind}.${EXPORTS[format].ext}` },
				props: { brief, kind, format },
			})),
		),
	);
}) satisfies GetStaticPaths;

interface Props {
	brief: Brief;
	kind: 'cite' | 'references';
	format: ExportFormat;
}

export const GET: APIRoute<Props> = async ({ props: { brief, kind, format } }) => {
	const records =
		kind === 'cite' ? [briefRecord(brief.id, brief.data)] : (await briefSources(brief)).sources.map(({ csl }) => csl);
	return new Response(exportRecords(records, format), { headers: { 'content-type': EXPORTS[format].type } });
};
