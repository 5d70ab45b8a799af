import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { site } from 'virtual:sourced/config';
import { strings } from '../ui/strings.ts';
import { briefPath } from '../utils/brief-record.ts';
import { publishedBriefs, type Brief } from '../utils/briefs.ts';
import { listCorrections } from '../utils/corrections.ts';
import { absoluteUrl } from '../utils/url.ts';

/**
 * RSS feed of briefs and of their corrections, newest first. A correction is
 * an item of its own (linked to it in the brief), not a change to the
 * brief's item: feed readers show an item they have seen once and never
 * again, so a subscriber would otherwise never learn of it.
 */
export const GET: APIRoute = async () =>
	rss({
		title: site.name,
		description: strings.siteTagline,
		// The channel and item links are absolute, so that they keep the site's base path.
		site: absoluteUrl('/'),
		items: publishedBriefs(await getCollection('briefs'))
			.flatMap((brief) => [
				{
					title: brief.data.title,
					description: brief.data.summary,
					pubDate: brief.data.published,
					link: absoluteUrl(briefPath(brief.id)),
					categories: brief.data.topics,
					author: author(brief),
				},
				...listCorrections(brief.data.corrections).map((c) => ({
					title: strings.correctionFeedTitle(brief.data.title),
					description: c.text,
					pubDate: c.date,
					link: absoluteUrl(`${briefPath(brief.id)}#${c.id}`),
					categories: brief.data.topics,
					author: author(brief),
				})),
			])
			.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()),
		customData: `<language>${site.lang}</language>`,
	});

const author = (brief: Brief) => brief.data.authors.map((a) => a.name).join(', ');
