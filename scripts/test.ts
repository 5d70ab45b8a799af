/**
 * `npm test`: every check and every test, reporting every failure of a run
 * at once.
 *
 * 1. The checks that read the sources run side by side: `astro check`, ESLint,
 *    Prettier, and the unit layer with its coverage threshold. The type check
 *    and the typed lint start once `astro sync` has written Astro's types
 *    (.astro/), which both read; Prettier and the unit layer, which do not,
 *    start at once. Their output is printed whole, one check after another,
 *    as each ends. Side by side they took 39.6–39.9 s, one after another
 *    42.3–43.3 s: each already keeps a second core busy part of the time.
 *    Prettier and the unit layer beside `astro sync` rather than after it:
 *    median 45.0 s (44.8–57.7) against 50.8 s (44.0–59.2), five alternating
 *    pairs of the four checks from empty caches, on a busy machine; alone,
 *    the sync took 5.1–5.8 s and 6 CPU s, one core of two idle most of it.
 * 2. The build and browser layers, which already keep both cores busy (two
 *    Vitest workers, each with a build or a Chromium), once the type check
 *    and the typed lint are done: the unit layer may still be running.
 *
 *   node scripts/test.ts
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.resolve('node_modules/.bin', name);

interface Step {
	name: string;
	command: string;
	args: string[];
}

/** An npm script of package.json, run by the npm that runs this (or the one on the PATH). */
const npmRun = (script: string): Pick<Step, 'command' | 'args'> => {
	const npm = process.env['npm_execpath'];
	return npm
		? { command: process.execPath, args: [npm, 'run', '--silent', script] }
		: { command: 'npm', args: ['run', '--silent', script] };
};

const SYNC: Step = { name: 'astro sync', command: bin('astro'), args: ['sync'] };

/** The checks that read Astro's types, written by SYNC. */
const TYPED: Step[] = [
	{ name: 'astro check', command: bin('astro'), args: ['check', '--noSync'] },
	{ name: 'eslint', ...npmRun('lint:eslint') },
];

/** The checks that do not. */
const UNTYPED: Step[] = [
	{ name: 'prettier', ...npmRun('lint:format') },
	// One worker: beside three other checks on two cores, a second worker only loaded Astro's and unified's modules a second
	// time. Two alternating pairs of the four checks side by side, from empty caches: 40.6–42.2 s (79–82 CPU s) against
	// 44.1–44.2 s (85–86 CPU s) with two workers. Alone (`npm run test:unit`) it keeps Vitest's two.
	{ name: 'unit tests', command: bin('vitest'), args: ['run', '--project', 'unit', '--coverage', '--maxWorkers=1'] },
];

/**
 * The environment of a step whose output is kept: colours as this run's own
 * output has them (a step writing to a pipe would leave them out). Without a
 * terminal, NO_COLOR and no FORCE_COLOR at all: picocolors (Prettier's,
 * Vitest's) colours whenever FORCE_COLOR is set, even to 0.
 */
function colours(terminal: boolean): NodeJS.ProcessEnv {
	const { FORCE_COLOR: _, NO_COLOR: __, ...env } = process.env;
	return terminal ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a step: with its output kept (`keep`), to be printed whole when it
 * ends (steps that run side by side would interleave their lines), or shown
 * as it comes. A step that cannot start has failed, and says why.
 */
function run(step: Step, keep: boolean): Promise<{ ok: boolean; output: string; took: string }> {
	const start = performance.now();
	return new Promise((resolve) => {
		let output = '';
		const failed = (error: Error) => {
			if (keep) output += `${error.message}\n`;
			else process.stderr.write(`${step.name}: ${error.message}\n`);
			resolve({ ok: false, output, took: seconds(start) });
		};
		let child;
		try {
			child = spawn(step.command, step.args, keep ? { env: colours(process.stdout.isTTY) } : { stdio: 'inherit' });
		} catch (error) {
			return failed(error as Error);
		}
		// As text, decoded across chunks: a character split between two chunks is not garbled (no streams when inherited).
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.on('error', failed);
		child.on('close', (code) => resolve({ ok: code === 0, output, took: seconds(start) }));
	});
}

const start = performance.now();
const failed: string[] = [];

/** Output of checks that ended while the build and browser layers were printing theirs: printed after them. */
let held: string[] | undefined;

/** Runs a check with its output kept, printed whole when it ends: whether it passed. */
const check = (step: Step) =>
	run(step, true).then(({ ok, output, took }) => {
		const text = `\n── ${step.name}: ${ok ? 'passed' : 'FAILED'} (${took}) ──\n${output.trimEnd()}\n`;
		if (held) held.push(text);
		else process.stdout.write(text);
		if (!ok) failed.push(step.name);
		return ok;
	});

const untyped = Promise.all(UNTYPED.map(check));
await check(SYNC).then(async (synced) => {
	// Without Astro's types, the type check and the typed lint would report errors that are not the code's.
	if (synced) await Promise.all(TYPED.map(check));
	else failed.push(...TYPED.map((step) => `${step.name} (not run)`));
});

// The build and browser layers run even when a check failed: a run reports every failure at once. They start once the type
// check and the typed lint are done, since every build rewrites Astro's types in .astro/, which those two read; Prettier and
// the unit layer may still be running (on one worker, it ends last), and the layers take the core it leaves: in two runs that
// waited for it, it ran alone for 5.6 and 7.5 s after the other checks, one core of two idle.
const layers = { name: 'build and browser tests', command: bin('vitest'), args: ['run', '--project', 'site'] };
process.stdout.write(`\n── ${layers.name} ──\n`);
held = [];
if (!(await run(layers, false)).ok) failed.push(layers.name);
process.stdout.write(held.join(''));
held = undefined;
await untyped;

process.stdout.write(
	`\n${failed.length ? `FAILED: ${failed.join(', ')}` : 'Every check and test passed'} (npm test, ${seconds(start)}).\n`,
);
process.exitCode = failed.length ? 1 : 0;
