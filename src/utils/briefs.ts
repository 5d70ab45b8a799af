import type { CollectionEntry } from 'astro:content';

export type Brief = CollectionEntry<'briefs'>;

/** Briefs a reader can see, newest first. Drafts show only in `astro dev`. */
export function publishedBriefs(briefs: Brief[], dev = import.meta.env.DEV): Brief[] {
	return briefs
		.filter((brief) => dev || !brief.data.draft)
		.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}

export const briefUrl = (brief: Brief) => `/briefs/${brief.id}/`;

/** Dates as readers expect them, in UTC so that the build does not depend on the machine's zone. */
export const formatDate = (date: Date) =>
	date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
