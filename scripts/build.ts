/**
 * `npm run build`: builds the site into a fresh folder beside the output and
 * swaps it in only when the whole build succeeded (pages, link check, search
 * index). A failed build leaves the previous site exactly as it was.
 *
 *   node scripts/build.ts [--outDir dist] [--config astro.config.ts]
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, config: { type: 'string' } } });
const out = path.resolve(values.outDir);
/**
 * The folder the build writes, the same from build to build: Astro counts
 * its output folder as part of the configuration its content store was
 * made with, and a new folder each time (one named by the process) cleared
 * that store on every build, 0.3–0.4 s of a 300-brief build. A lock beside
 * it keeps a second build of the same site from writing into it at once.
 */
const next = path.join(path.dirname(out), `.${path.basename(out)}-next`);
const old = path.join(path.dirname(out), `.${path.basename(out)}-old`);
const lock = `${next}.lock`;

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};
try {
	await mkdir(lock);
} catch {
	const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
	if (owner && owner !== process.pid && alive(owner)) {
		console.error(`Another build of ${path.relative(process.cwd(), out) || out} is running (process ${owner}); wait for it to finish.`);
		process.exit(1);
	}
	// Left by a build that was stopped: nothing of it is kept.
}
await writeFile(path.join(lock, 'pid'), String(process.pid));
await rm(next, { recursive: true, force: true });
const unlock = () => rm(lock, { recursive: true, force: true });

/**
 * The bundler (rolldown) and the card renderer (resvg) allocate through
 * their own mimalloc, which by default commits its arenas whole and, when
 * it frees memory in them, leaves the pages resident: what the bundler
 * held while it bundled stayed counted through rendering and indexing.
 * Arenas committed as they are used give freed pages back. Measured on a
 * warm 300-brief build: peak resident memory 1.26 GB without, 1.03–1.08 GB
 * with, at the same build time (README, "Benchmarks"). Purging freed
 * memory at once (`MIMALLOC_PURGE_DELAY=0`) went lower still (0.94 GB) but
 * nearly doubled a cold build's CPU time. Read when each library loads, so
 * set here for Astro's process; a value in the caller's environment wins.
 */
const ALLOCATOR = { MIMALLOC_ARENA_EAGER_COMMIT: '0' };

/**
 * V8 lets its heap grow up to fourfold between collections while a program
 * allocates fast, and compiling briefs allocates fast: at the end of
 * bundling, a cold 100-brief build had 420 MB in its heap, 143 MB of it
 * alive (a heap snapshot), and a cold 300-brief build reached about 1 GB.
 * Growing by half each time holds the peak nearer what is alive: at 300
 * briefs, cold 1.65 → 1.15 GB and warm 1.01–1.04 → 0.87 GB, for 1–3 s more
 * of collection. A cap (`--max-old-space-size`) did as well at 300 briefs
 * but would stop a large site; this scales with it.
 */
const V8 = ['--heap-growing-percent=50'];

const code = await new Promise<number | null>((resolve) => {
	const config = values.config ? ['--config', values.config] : [];
	const astro = spawn(process.execPath, [...V8, path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', next, ...config], {
		stdio: 'inherit',
		env: { ...ALLOCATOR, ...process.env },
	});
	astro.on('close', resolve);
});

if (code !== 0) {
	await rm(next, { recursive: true, force: true });
	await unlock();
	console.error(`\nThe build failed; ${path.relative(process.cwd(), out) || out} is unchanged.`);
	process.exit(code ?? 1);
}
await rm(old, { recursive: true, force: true });
await rename(out, old).catch((error: NodeJS.ErrnoException) => {
	if (error.code !== 'ENOENT') throw error;
});
await rename(next, out);
await rm(old, { recursive: true, force: true });
await unlock();
