import type { VFile } from 'vfile';

/**
 * The brief's frontmatter as Astro hands it to the plugins. What a plugin
 * adds to it reaches the page as `render()`'s `remarkPluginFrontmatter`.
 */
export function frontmatterOf(file: VFile): Record<string, unknown> {
	const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
	return ((data.astro ??= {}).frontmatter ??= {});
}
