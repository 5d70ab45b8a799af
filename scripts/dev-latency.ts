/**
 * How long an edit to a brief takes to show in `astro dev`: the dev server
 * runs over a copy of the real content; each edit adds a sentence with a
 * word of its own to the brief, and the time is taken from the write to the
 * first response of the brief's page that holds the word (the page asked
 * for again and again, as a reader's browser reloads it). The first request
 * after the server starts compiles everything and is not counted.
 *
 *   node scripts/dev-latency.ts [--edits 5]
 */
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { writeSiteConfig } from './site-config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds from each edit to the page showing it, in order. */
export async function devLatency(edits = 5, port = 4399): Promise<number[]> {
	const work = path.join(tmpdir(), 'sourced-dev-latency');
	const content = path.join(work, 'content');
	await rm(work, { recursive: true, force: true });
	await mkdir(work, { recursive: true });
	await cp(path.join(root, 'content'), content, { recursive: true });
	const config = await writeSiteConfig(path.join(work, 'astro.config.ts'), { content, cacheDir: path.join(work, 'cache') });
	const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--config', config], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
	server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const page = `http://127.0.0.1:${port}/briefs/internet-plus/`;
	const get = async () => {
		try {
			const response = await fetch(page);
			return response.ok ? await response.text() : '';
		} catch {
			return '';
		}
	};
	try {
		// Started, and the brief compiled once.
		for (const started = Date.now(); !(await get()).includes('Internet Plus'); await delay(100))
			if (Date.now() - started > 180_000) throw new Error(`astro dev did not serve ${page} within 3 minutes:\n${log}`);
		const brief = path.join(content, 'briefs', 'internet-plus.mdx');
		const latencies: number[] = [];
		for (let edit = 1; edit <= edits; edit++) {
			const word = `Editmark${edit}x${Date.now()}`;
			const written = performance.now();
			await appendFile(brief, `\nA sentence added while the server runs: ${word}.\n`);
			for (;;) {
				if ((await get()).includes(word)) break;
				if (performance.now() - written > 60_000) throw new Error(`edit ${edit} did not show within a minute:\n${log}`);
				await delay(20);
			}
			latencies.push(performance.now() - written);
			// Let the watcher settle before the next edit, as an author pauses between saves.
			await delay(1_000);
		}
		return latencies;
	} finally {
		server.kill();
		await rm(work, { recursive: true, force: true });
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { edits: { type: 'string', default: '5' } } });
	const latencies = await devLatency(Number(values.edits));
	console.log(`astro dev, edit → page shows it: ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms`);
}
