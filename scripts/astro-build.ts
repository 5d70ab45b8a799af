/**
 * `astro build`, with the configuration loaded by Node itself: what
 * `npm run build` runs (scripts/build.ts), in a process of its own.
 *
 * Astro loads a TypeScript configuration (astro.config.ts, and through it
 * the integration and every plugin) by starting a Vite server of its own
 * and running the modules through it, then closes that server and starts
 * the build's. Node 24 strips the types itself: the same modules, imported
 * by Node, are handed to Astro's `build()` as the inline configuration it
 * would have read (`configFile: false`). Loading the configuration: 1.8–2.0 s
 * through Vite, 1.3 s by Node. An edit to one brief of a 300-brief site,
 * four times each way in two alternating blocks: 11.4–11.9 s (8.0–8.7 CPU s)
 * against 12.2–13.2 s (8.6–10.3 CPU s) by the Astro CLI. The site written is
 * the same byte for byte (tests/build/incremental.test.ts).
 *
 * A configuration Node cannot load (a syntax error, an enum) is left to
 * Astro, which loads it as before or reports it with its place in the file.
 * A failure is printed as the Astro CLI prints it (its own `throwAndExit`),
 * and the process exits with 1.
 *
 *   node scripts/astro-build.ts [--outDir dist] [--config astro.config.ts]
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AstroInlineConfig } from 'astro';
import { mapPackageFolders } from '../src/utils/package-folders.ts';

const { values } = parseArgs({
	options: { outDir: { type: 'string' }, config: { type: 'string', default: 'astro.config.ts' } },
});

// As Astro's own CLI does (astro/bin/astro.mjs): V8 keeps what it compiled of each module, for the next build to load
// faster; not in CI, where no next build would read it. Importing Astro, then the integration with every plugin, in
// fresh processes: 818–827 ms and 472–488 ms with the cache, 887–890 ms and 710–717 ms without.
if (!process.env['CI']) module.enableCompileCache();
mapPackageFolders();
// What Astro's build sets first, before it loads the configuration: modules that read it as they load read the same.
process.env['NODE_ENV'] ??= 'production';
const configFile = path.resolve(values.config);
const outDir = values.outDir === undefined ? {} : { outDir: path.resolve(values.outDir) };
try {
	const { build } = await import('astro');
	const config = existsSync(configFile) ? await loadConfig(configFile) : undefined;
	await build(
		config
			? { root: process.cwd(), ...config, configFile: false, ...outDir }
			: // Astro loads it, and reports a file that is not there or does not load as the CLI would, with its place in the file.
				{ root: process.cwd(), configFile: values.config, ...outDir },
	);
} catch (error) {
	// The CLI's own report of a failed command: the error's name, message, hint, location and stack, then exit code 1.
	const { throwAndExit } = (await import(new URL('./cli/throw-and-exit.js', import.meta.resolve('astro')).href)) as {
		throwAndExit: (command: string, error: unknown) => Promise<void>;
	};
	await throwAndExit('build', error);
}

/**
 * The configuration's default export, imported by Node; undefined if Node
 * cannot load it (a syntax error, or syntax that Node's type stripping does
 * not take, such as an enum), so that Astro loads it instead.
 */
async function loadConfig(file: string): Promise<AstroInlineConfig | undefined> {
	try {
		return ((await import(pathToFileURL(file).href)) as { default?: AstroInlineConfig }).default ?? {};
	} catch {
		return undefined;
	}
}
