import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { site as siteOptions } from '../../astro.config.ts';
import { sourced, type SourcedOptions } from '../../src/integration/index.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const outRoot = path.join(root, 'tests/.out');

export interface BuildResult {
	code: number | null;
	output: string;
	outDir: string;
}

/** The error that stopped a build as the CLI prints it, without colours: its message (Markdown bold as plain text), hint, file and stack. */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const { hint, loc } = error as Error & { hint?: string; loc?: { file?: string; line?: number; column?: number } };
	const plain = (text: string) => text.replace(/\*\*([^*]+)\*\*/g, '$1');
	return [
		`[ERROR] ${error.name === 'Error' ? '' : `[${error.name}] `}${plain(error.message)}`,
		hint ? `  Hint: ${plain(hint)}` : '',
		loc?.file ? `  Location: ${loc.file}${loc.line ? `:${loc.line}:${loc.column ?? 0}` : ''}` : '',
		`  Stack trace:\n${(error.stack ?? '')
			.split('\n')
			.filter((line) => /^\s+at /.test(line))
			.join('\n')}`,
	]
		.filter(Boolean)
		.join('\n');
}

/**
 * Builds the real site (the project's own pages, plugins and integration,
 * with the settings of astro.config.ts) over the content folder `contentDir`,
 * in this process, with Astro's `build()`: the content folder, the cache and
 * any other option (`options`, e.g. `site`, the address) are handed to
 * `sourced()` as they would be written in astro.config.ts. The output is
 * what the build logged, then the error that stopped it, if one did.
 */
export function buildSite(name: string, contentDir: string, options: SourcedOptions = {}): Promise<BuildResult> {
	return oneBuildAtATime(async () => {
		await rm(path.join(outRoot, name), { recursive: true, force: true });
		return buildHere(path.join(outRoot, name), contentDir, options);
	});
}

/**
 * The same, into `folder` (its `dist`, `cache` and `build.log`) as it is:
 * what an earlier build left in its cache is used, as `npm run build` uses
 * it (`cacheDir` is Astro's cache and the site's, as by default).
 */
export function buildAgain(folder: string, contentDir: string, options: SourcedOptions = {}): Promise<BuildResult> {
	return oneBuildAtATime(() => buildHere(folder, contentDir, options));
}

async function buildHere(folder: string, contentDir: string, options: SourcedOptions): Promise<BuildResult> {
	const outDir = path.join(folder, 'dist');
	const cacheDir = path.join(folder, 'cache');
	const log = path.join(folder, 'build.log');
	await rm(outDir, { recursive: true, force: true });
	await mkdir(outDir, { recursive: true });
	await writeFile(log, '');
	process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
	let code = 0;
	let failure = '';
	try {
		await build({
			root,
			configFile: false,
			outDir,
			cacheDir,
			logger: { entrypoint: path.join(root, 'tests/helpers/build-log.js'), config: { file: log } },
			integrations: [sourced({ ...siteOptions, content: path.resolve(root, contentDir), ...options })],
		});
	} catch (error) {
		code = 1;
		failure = describeError(error);
	}
	const output = `${await readFile(log, 'utf8')}${failure ? `\n${failure}\n` : ''}`;
	return { code, output, outDir };
}

/** Fixture content folders under tests/fixtures, each built once per run. */
export const fixture = (name: string) => path.join(root, 'tests/fixtures', name);

/** Where a site built from a copy of its content has that copy (the build writes its anchors.json there). */
export const contentCopy = (name: string) => path.join(outRoot, `${name}-content`);

/** How the build's messages name the content folder of a site built from a copy (relative to the project). */
export const shownCopy = (name: string) => path.relative(root, contentCopy(name));

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/**
 * Runs one build of the project at a time across the test workers: every
 * build of this root, whatever its outDir, writes its prerendered chunks to
 * the project's `.astro/.prerender/`, so two at once would delete each
 * other's. A lock folder in tests/.out names its owner; one left by a
 * process that has ended is taken over.
 */
export async function oneBuildAtATime<T>(run: () => Promise<T>): Promise<T> {
	const lock = path.join(outRoot, 'building.lock');
	await mkdir(outRoot, { recursive: true });
	for (;;) {
		try {
			await mkdir(lock);
			break;
		} catch {
			const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
			if (owner && !alive(owner)) await rm(lock, { recursive: true, force: true });
			else await delay(200);
		}
	}
	await writeFile(path.join(lock, 'pid'), String(process.pid));
	try {
		return await run();
	} finally {
		await rm(lock, { recursive: true, force: true });
	}
}
