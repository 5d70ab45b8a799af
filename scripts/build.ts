/**
 * `npm run build`: builds the site into a fresh folder beside the output and
 * swaps it in only when the whole build succeeded (pages, link check, search
 * index). A failed build leaves the previous site exactly as it was.
 *
 *   node scripts/build.ts [--outDir dist] [--config astro.config.ts]
 */
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' }, config: { type: 'string' } } });
const out = path.resolve(values.outDir);
const next = `${path.dirname(out)}/.dist-next-${process.pid}`;
const old = `${path.dirname(out)}/.dist-old-${process.pid}`;

const code = await new Promise<number | null>((resolve) => {
	const config = values.config ? ['--config', values.config] : [];
	const astro = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', next, ...config], {
		stdio: 'inherit',
	});
	astro.on('close', resolve);
});

if (code !== 0) {
	await rm(next, { recursive: true, force: true });
	console.error(`\nThe build failed; ${path.relative(process.cwd(), out) || out} is unchanged.`);
	process.exit(code ?? 1);
}
await rename(out, old).catch((error: NodeJS.ErrnoException) => {
	if (error.code !== 'ENOENT') throw error;
});
await rename(next, out);
await rm(old, { recursive: true, force: true });
