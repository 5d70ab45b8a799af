import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const outRoot = path.join(root, 'tests/.out');

export interface BuildResult {
	code: number | null;
	output: string;
	outDir: string;
}

/**
 * Builds the real site (the project's own pages, plugins and integrations)
 * over the content folder `contentDir` with the Astro CLI, as an author would,
 * with `env` added to its environment (e.g. SOURCED_SITE, the site's address).
 */
export async function buildSite(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	const outDir = path.join(outRoot, name, 'dist');
	const cacheDir = path.join(outRoot, name, 'cache');
	await rm(path.join(outRoot, name), { recursive: true, force: true });
	await mkdir(outDir, { recursive: true });
	const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
	const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
		cwd: root,
		env: {
			...process.env,
			SOURCED_CONTENT: path.resolve(root, contentDir),
			SOURCED_CACHE: cacheDir,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			...env,
		},
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { code, output, outDir };
}

/** Fixture content folders under tests/fixtures, each built once per run. */
export const fixture = (name: string) => path.join(root, 'tests/fixtures', name);

/** Where a site built from a copy of its content has that copy (the build writes its anchors.json there). */
export const contentCopy = (name: string) => path.join(outRoot, `${name}-content`);

/** How the build's messages name the content folder of a site built from a copy (relative to the project). */
export const shownCopy = (name: string) => path.relative(root, contentCopy(name));
