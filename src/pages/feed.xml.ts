import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../site.config.ts';
import { strings } from '../ui/strings.ts';
import { briefUrl, publishedBriefs } from '../utils/briefs.ts';

/** RSS feed of briefs, newest first. */
export const GET: APIRoute = async (context) =>
	rss({
		title: site.name,
		description: strings.siteTagline,
		site: context.site ?? site.url,
		items: publishedBriefs(await getCollection('briefs')).map((brief) => ({
			title: brief.data.title,
			description: brief.data.summary,
			pubDate: brief.data.published,
			link: briefUrl(brief),
			categories: brief.data.topics,
			author: brief.data.authors.map((a) => a.name).join(', '),
		})),
		customData: `<language>${site.lang}</language>`,
	});
