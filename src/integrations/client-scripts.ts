import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

/** Modules loaded on demand by the inline bootstrap (src/scripts/bootstrap.ts), by its short names. */
const MODULES: Record<string, string> = { s: 'search-dialog', c: 'copy', t: 'theme', q: 'quote', p: 'page', h: 'highlight' };
const OUT = '_s';

/**
 * Builds the site's browser code with esbuild, outside Vite, so that pages
 * carry one small inline script and load each feature's module only when a
 * reader uses it. In `astro dev` the modules are served by Vite from src/.
 * The inline bootstrap goes into `scripts.bootstrap`, which the layout
 * imports from `virtual:sourced/bootstrap` (integration/virtual-modules.ts).
 * Browser code cannot read the site's config: the path the site is served
 * under (`base`, e.g. /research/) is compiled in as `__BASE__`
 * (scripts/base.ts), and the bootstrap's module folder starts with it.
 */
export function clientScripts(scripts: { bootstrap: string }, base: string): AstroIntegration {
	let built: string | undefined;
	return {
		name: 'sourced:client-scripts',
		hooks: {
			'astro:config:setup': async ({ command, config, updateConfig }) => {
				const sources = path.join(fileURLToPath(config.root), 'src/scripts');
				const define = { __BASE__: JSON.stringify(base) };
				// In `astro dev`, Vite serves the modules from src/ and defines the same.
				updateConfig({ vite: { define } });
				const urls: Record<string, string> = {};
				if (command === 'build') {
					built = await mkdtemp(path.join(tmpdir(), 'sourced-scripts-'));
					const { metafile } = await build({
						entryPoints: Object.fromEntries(Object.values(MODULES).map((file) => [file, path.join(sources, `${file}.ts`)])),
						outdir: built,
						bundle: true,
						splitting: true,
						format: 'esm',
						target: 'es2022',
						minify: true,
						legalComments: 'none',
						// Short names keep the inline bootstrap, which lists them, small.
						entryNames: '[hash]',
						chunkNames: '[hash]',
						metafile: true,
						define,
					});
					const entries = new Map(
						Object.entries(metafile.outputs).flatMap(([file, output]) =>
							output.entryPoint ? [[path.basename(output.entryPoint, '.ts'), path.basename(file, '.js')] as const] : [],
						),
					);
					for (const [name, file] of Object.entries(MODULES)) urls[name] = entries.get(file)!;
				} else {
					// Vite serves the sources in dev.
					for (const [name, file] of Object.entries(MODULES)) urls[name] = file;
				}
				const bootstrap = await build({
					entryPoints: [path.join(sources, 'bootstrap.ts')],
					bundle: true,
					format: 'iife',
					target: 'es2022',
					minify: true,
					write: false,
					define: {
						__SCRIPTS__: JSON.stringify(urls),
						__DIR__: JSON.stringify(command === 'build' ? `${base}${OUT}/` : `${base}src/scripts/`),
						__EXT__: JSON.stringify(command === 'build' ? '.js' : '.ts'),
					},
					tsconfigRaw: {},
				});
				scripts.bootstrap = bootstrap.outputFiles[0]!.text.trim();
			},
			'astro:build:done': async ({ dir }) => {
				if (!built) return;
				const out = path.join(fileURLToPath(dir), OUT);
				await mkdir(out, { recursive: true });
				for (const file of await readdir(built)) await cp(path.join(built, file), path.join(out, file));
				await rm(built, { recursive: true, force: true });
			},
		},
	};
}
