/**
 * The peer for `npm run bench`: Starlight 0.42 building the same briefs
 * (`../shared/peers/starlight`, set up as its README says, e.g. in
 * `../peer-starlight`). Its build is timed exactly as ours is, so that the
 * two can be compared as a ratio, measured side by side on one machine.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export interface BuildFigures {
	seconds: number;
	/** CPU seconds (user + system), which a busy shared machine inflates far less than wall time. */
	cpuSeconds: number;
	peakMb: number;
}

/** Runs `node <args>` in `cwd` under GNU time: wall and CPU seconds, and peak resident memory (MB). */
export function timed(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BuildFigures> {
	return new Promise((resolve, reject) => {
		const child = spawn('/usr/bin/time', ['-f', 'BENCH %e %M %U %S', process.execPath, ...args], {
			cwd,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		});
		let err = '';
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		child.stdout.resume();
		child.on('close', (code) => {
			const m = /BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(err);
			if (code !== 0 || !m) return reject(new Error(`${args.join(' ')} failed in ${cwd} (${code}):\n${err.slice(-2000)}`));
			resolve({ seconds: Number(m[1]), cpuSeconds: Number(m[3]) + Number(m[4]), peakMb: Number(m[2]) / 1024 });
		});
	});
}

/** The peer's folder, if it has been set up (its node_modules installed). */
export function findPeer(dir: string): string | undefined {
	const resolved = path.resolve(dir);
	return existsSync(path.join(resolved, 'node_modules/astro/bin/astro.mjs')) ? resolved : undefined;
}

/** Writes `count` pages of our brief into the peer with its own generator, from this checkout's content. */
export async function preparePeer(peer: string, count: number, root: string): Promise<void> {
	await timed(peer, ['brief-corpus.mjs', root, peer, String(count)]);
}

/**
 * One peer build as its README measures it: `dist` and `.astro` removed,
 * `node_modules/.astro` (Astro's cache) kept.
 */
export async function buildPeer(peer: string): Promise<BuildFigures> {
	await rm(path.join(peer, 'dist'), { recursive: true, force: true });
	await rm(path.join(peer, '.astro'), { recursive: true, force: true });
	return timed(peer, ['node_modules/astro/bin/astro.mjs', 'build']);
}
