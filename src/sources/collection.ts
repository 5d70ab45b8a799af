import { render } from 'astro:content';
import { citations, paths } from 'virtual:sourced/config';
import { pageStage } from '../citations/page-stage.ts';
import { pageDataOf } from '../plugins/page-data.ts';
import type { Brief } from '../utils/briefs.ts';
import { citedSources, citingBrief, type CitingBrief, type SiteSource } from './model.ts';

/** A brief of the content collection for the source model, with where it cites what (recorded by its citation plugins). */
export async function citingBriefOf(brief: Brief): Promise<CitingBrief> {
	const { remarkPluginFrontmatter } = await render(brief);
	return citingBrief(brief.id, brief.data, pageDataOf(remarkPluginFrontmatter).citations, { citations, paths });
}

/**
 * The sources these briefs cite (sources/model.ts): of every published brief
 * for /references/ and the sources' pages, of one brief for its metadata and
 * exports.
 */
export async function sourcesCitedBy(briefs: Brief[]): Promise<SiteSource[]> {
	return citedSources(await Promise.all(briefs.map(citingBriefOf)), { config: { citations, paths }, stage: pageStage });
}
