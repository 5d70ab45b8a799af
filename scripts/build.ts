/**
 * `npm run build`: builds the site into a fresh folder beside the output and
 * swaps it in only when the whole build succeeded (pages, link check, search
 * index). A failed build leaves the previous site exactly as it was. The
 * build is Astro's, run by scripts/astro-build.ts in a process of its own.
 *
 *   node scripts/build.ts [--outDir dist] [--config astro.config.ts]
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deleteLater, leftovers, swapIn, workFolders } from './swap-site.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, config: { type: 'string' } } });
const out = path.resolve(values.outDir);
const { next, old } = workFolders(out, process.pid);
// What earlier builds left beside the output (one killed while building, a deletion that did not finish).
const left = leftovers(out);

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
 *
 * A young generation of up to 64 MB a semi-space (V8's default is 16 MB on
 * 64-bit): a brief's Markdown, HTML and JavaScript trees die young, and a
 * small nursery promoted many of them to the old generation while they were
 * still in use. Four alternating pairs of cold 300-brief builds: 39.0–41.1 s
 * (CPU 64.4–67.3 s) against 40.3–51.7 s (CPU 66.3–86.5 s) without, at the
 * same peak memory (1.12–1.19 GB against 1.08–1.18 GB); 128 MB used more
 * memory (1.42–1.53 GB) and was no faster. The flag holds for every
 * thread of the process (the compile and card threads too).
 */
const V8 = ['--heap-growing-percent=50', '--max-semi-space-size=64'];

const code = await new Promise<number | null>((resolve) => {
	const config = values.config ? ['--config', values.config] : [];
	// Astro's build with the configuration loaded by Node, not through a Vite server of Astro's own (scripts/astro-build.ts).
	const astro = spawn(process.execPath, [...V8, path.resolve('scripts/astro-build.ts'), '--outDir', next, ...config], {
		stdio: 'inherit',
		env: { ...ALLOCATOR, ...process.env },
	});
	astro.on('close', resolve);
});

if (code !== 0) {
	await rm(next, { recursive: true, force: true });
	deleteLater(left);
	console.error(`\nThe build failed; ${path.relative(process.cwd(), out) || out} is unchanged.`);
	process.exit(code ?? 1);
}
const replaced = await swapIn(next, out, old);
// The new site is in place: the old one, and what earlier builds left, are deleted after this command returns (scripts/swap-site.ts).
deleteLater([...(replaced ? [old] : []), ...left]);
