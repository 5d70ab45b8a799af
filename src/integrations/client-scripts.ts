import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

/** Modules loaded on demand by the inline bootstrap (src/scripts/bootstrap.ts). */
const MODULES = ['search-dialog', 'search-page', 'copy', 'highlight'];
const OUT = '_s';

/**
 * Builds the site's browser code with esbuild, outside Vite, so that pages
 * carry one small inline script and load each feature's module only when a
 * reader uses it. In `astro dev` the modules are served by Vite from src/.
 * The inline bootstrap is handed to the layout in SOURCED_BOOTSTRAP.
 */
export function clientScripts(): AstroIntegration {
	let built: string | undefined;
	return {
		name: 'sourced:client-scripts',
		hooks: {
			'astro:config:setup': async ({ command, config }) => {
				const scripts = path.join(fileURLToPath(config.root), 'src/scripts');
				const urls: Record<string, string> = {};
				if (command === 'build') {
					built = await mkdtemp(path.join(tmpdir(), 'sourced-scripts-'));
					const { metafile } = await build({
						entryPoints: Object.fromEntries(MODULES.map((name) => [name, path.join(scripts, `${name}.ts`)])),
						outdir: built,
						bundle: true,
						splitting: true,
						format: 'esm',
						target: 'es2022',
						minify: true,
						legalComments: 'none',
						entryNames: '[name]-[hash]',
						chunkNames: 'shared-[hash]',
						metafile: true,
					});
					for (const [file, output] of Object.entries(metafile.outputs)) {
						const name = output.entryPoint && path.basename(output.entryPoint, '.ts');
						if (name) urls[name] = `/${OUT}/${path.basename(file)}`;
					}
				} else {
					for (const name of MODULES) urls[name] = `/src/scripts/${name}.ts`;
				}
				const bootstrap = await build({
					entryPoints: [path.join(scripts, 'bootstrap.ts')],
					bundle: true,
					format: 'iife',
					target: 'es2022',
					minify: true,
					write: false,
					define: { __SCRIPTS__: JSON.stringify(urls) },
					tsconfigRaw: {},
				});
				process.env['SOURCED_BOOTSTRAP'] = bootstrap.outputFiles[0]!.text.trim();
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
