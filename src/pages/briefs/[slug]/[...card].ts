import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { paths, site } from 'virtual:sourced/config';
import { card, cardByline } from '../../../sharing/card.ts';
import { briefKey, publishedBriefs, type Brief } from '../../../utils/briefs.ts';

/**
 * The brief's sharing image (Open Graph, Twitter), `/briefs/<slug>/og.png`,
 * drawn at build time from its title (sharing/card.ts).
 *
 * Its one name, `og.png`, is a rest parameter only for the order in which
 * a build writes it: Astro renders routes in their order of priority, and a
 * route ending in a rest parameter comes after the shorter `/briefs/[slug]/`
 * (astro/dist/core/routing/priority.js). So the brief pages are rendered
 * first, on the build's thread, while the card thread (sharing/painter.ts)
 * draws the cards on the other core; with this route first, every card was
 * wanted at once, before the thread had drawn them. (A file name of
 * `[...card].png.ts` would not do: Astro's order of routes is then not
 * consistent, and put it first.) In `astro dev`, its address is served
 * without the trailing slash Astro would ask of it (integrations/dev-files.ts).
 */
export const getStaticPaths = (async () =>
	publishedBriefs(await getCollection('briefs')).map((brief) => ({
		params: { slug: brief.id, card: 'og.png' },
		props: { brief },
		cacheKey: briefKey(brief),
	}))) satisfies GetStaticPaths;

export const GET: APIRoute<{ brief: Brief }> = ({ props: { brief } }) => {
	const { title, authors, published } = brief.data;
	const png = card({ site: site.name, title, byline: cardByline(authors, published) }, paths);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
