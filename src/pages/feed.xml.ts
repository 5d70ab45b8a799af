import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from '../site.config.ts';
import { strings } from '../ui/strings.ts';
import { briefPath } from '../utils/brief-record.ts';
import { publishedBriefs } from '../utils/briefs.ts';
import { absoluteUrl } from '../utils/url.ts';

/** RSS feed of briefs, newest first. */
export const GET: APIRoute = async () =>
	rss({
		title: site.name,
		description: strings.siteTagline,
		// The channel and item links are absolute, so that they keep the site's base path.
		site: absoluteUrl('/'),
		items: publishedBriefs(await getCollection('briefs')).map((brief) => ({
			title: brief.data.title,
			description: brief.data.summary,
			pubDate: brief.data.published,
			link: absoluteUrl(briefPath(brief.id)),
			categories: brief.data.topics,
			author: brief.data.authors.map((a) => a.name).join(', '),
		})),
		customData: `<language>${site.lang}</language>`,
	});
