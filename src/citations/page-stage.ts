import { citations, code, paths } from 'virtual:sourced/config';
import { CitationStage } from './stage.ts';

/**
 * The citation stage of pages and endpoints. Vite runs them apart from the
 * Markdown plugins, so they cannot share the plugins' stage; this one reads
 * and writes the same cache in the site's cache directory, so what the
 * plugins formatted is not formatted again, and reads the bibliographies as
 * the plugins kept them there, with the code's version they were read by.
 */
export const pageStage = new CitationStage({ cacheDir: paths.cache, root: paths.root, locale: citations.locale, code });
