import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { paths, site } from 'virtual:sourced/config';
import { card, cardByline } from '../../../sharing/card.ts';
import { briefKey, publishedBriefs, type Brief } from '../../../utils/briefs.ts';

/** The brief's sharing image (Open Graph, Twitter), drawn at build time from its title (sharing/card.ts). */
export const getStaticPaths = (async () =>
	publishedBriefs(await getCollection('briefs')).map((brief) => ({
		params: { slug: brief.id },
		props: { brief },
		cacheKey: briefKey(brief),
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ brief: Brief }> = ({ props: { brief } }) => {
	const { title, authors, published } = brief.data;
	const png = card({ site: site.name, title, byline: cardByline(authors, published) }, paths);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
