import type { CslItem } from '../bibliography/csl.ts';
import { absoluteUrlOn } from './site-url.ts';

/** What a brief's own citation record is made of: its frontmatter, or the raw YAML of it. */
export interface BriefMeta {
	title: string;
	authors: { name: string }[];
	published: Date | string;
	updated?: Date | string | undefined;
}

/** The site a brief's citation names: its publisher and where it is. Pages pass `site` from `virtual:sourced/config`. */
export interface SiteIdentity {
	name: string;
	/** The site's address (`https://example.org/research/`). */
	url: string;
}

/** Where a brief is published on the site, e.g. /briefs/internet-plus/ (a link adds the base path: utils/url.ts). */
export const briefPath = (slug: string) => `/briefs/${slug}/`;
export const absoluteBriefUrl = (slug: string, site: SiteIdentity) => absoluteUrlOn(site.url, briefPath(slug));

/** citation-js drops a BibTeX key with a hyphen and makes one up; keep ours readable. */
const bibtexKey = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

function dateParts(value: Date | string): number[] {
	const date = new Date(value);
	return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * The brief itself as a CSL-JSON report. Authors are kept as written
 * (`literal`), since a byline may name a team as well as a person.
 */
export function briefRecord(slug: string, meta: BriefMeta, site: SiteIdentity): CslItem {
	return {
		id: slug,
		'citation-key': bibtexKey(slug),
		type: 'report',
		title: meta.title,
		author: meta.authors.map((a) => ({ literal: a.name })),
		issued: { 'date-parts': [dateParts(meta.published)] },
		publisher: site.name,
		URL: absoluteBriefUrl(slug, site),
	};
}

/** A section of a brief, cited as a part of it, with the section's anchor as its pinpoint URL. */
export function sectionRecord(slug: string, meta: BriefMeta, section: { id: string; title: string }, site: SiteIdentity): CslItem {
	return {
		...briefRecord(slug, meta, site),
		id: `${slug}-${section.id}`,
		'citation-key': bibtexKey(`${slug}-${section.id}`),
		type: 'chapter',
		title: section.title,
		'container-title': meta.title,
		URL: `${absoluteBriefUrl(slug, site)}#${section.id}`,
	};
}
