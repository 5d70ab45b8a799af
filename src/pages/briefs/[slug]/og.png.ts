import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { formatDate, publishedBriefs, type Brief } from '../../../utils/briefs.ts';
import { ogImage } from '../../../utils/og-image.ts';

/** The brief's sharing image (Open Graph, Twitter), drawn at build time from its title. */
export const getStaticPaths = (async () =>
	publishedBriefs(await getCollection('briefs')).map((brief) => ({
		params: { slug: brief.id },
		props: { brief },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ brief: Brief }> = ({ props: { brief } }) => {
	const { title, authors, published } = brief.data;
	const png = ogImage(title, `${authors.map((a) => a.name).join(', ')} · ${formatDate(published)}`);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
