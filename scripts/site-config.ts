/**
 * A config file for one build of this site over other content, for tools
 * that run the Astro CLI in a process of their own (the benchmark, the
 * safe-build and offline tests): the site's settings from astro.config.ts,
 * with `options` (the content folder, the cache, the address) added, as an
 * author would write them; a cache named there is Astro's cache too. Returns its path relative to the project, as
 * `astro build --config` (and `npm run build -- --config`) take it, run from
 * the project's folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourcedOptions } from '../src/integration/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function writeSiteConfig(file: string, options: SourcedOptions): Promise<string> {
	const from = (module: string) => JSON.stringify(path.join(root, module));
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(
		file,
		[
			`import { site } from ${from('astro.config.ts')};`,
			`import { sourced } from ${from('src/integration/index.ts')};`,
			'',
			// A plain object, as defineConfig returns it: the file may live outside the project (the bench's, in /tmp), where 'astro/config' does not resolve.
			// Astro's cache (its content store, and the pages it reuses) goes with the site's, as it does by default (node_modules/.astro).
			`export default { ${options.cacheDir ? `cacheDir: ${JSON.stringify(options.cacheDir)}, ` : ''}integrations: [sourced({ ...site, ...${JSON.stringify(options)} })] };`,
			'',
		].join('\n'),
	);
	return path.relative(root, file);
}
