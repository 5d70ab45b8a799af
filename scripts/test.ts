/**
 * `npm test`: every check and every test, reporting every failure of a run
 * at once.
 *
 * 1. `astro sync` writes Astro's types (.astro/), which both the type check
 *    and the typed lint read.
 * 2. The checks that read the sources run side by side: `astro check`, ESLint,
 *    Prettier, and the unit layer with its coverage threshold. Each on its own
 *    keeps one core busy for most of its time (ESLint and the type check each
 *    build a TypeScript program); one after another they left the machine's
 *    second core idle for about 50 s. Their output is printed whole, one
 *    check after another, as each ends.
 * 3. The build and browser layers, which already keep both cores busy (two
 *    Vitest workers, each with a build or a Chromium).
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

const STATIC: Step[] = [
	{ name: 'astro check', command: bin('astro'), args: ['check', '--noSync'] },
	{ name: 'eslint', ...npmRun('lint:eslint') },
	{ name: 'prettier', ...npmRun('lint:format') },
	{ name: 'unit tests', command: bin('vitest'), args: ['run', '--project', 'unit', '--coverage'] },
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

/** Runs a step with its output kept, to print whole when it ends (steps that run side by side would interleave their lines). */
function quietly(step: Step): Promise<{ step: Step; ok: boolean; output: string; took: string }> {
	const start = performance.now();
	return new Promise((resolve) => {
		let output = '';
		const failed = (error: Error) => resolve({ step, ok: false, output: `${output}${error.message}\n`, took: seconds(start) });
		let child;
		try {
			child = spawn(step.command, step.args, { env: colours(process.stdout.isTTY) });
		} catch (error) {
			failed(error as Error);
			return;
		}
		// As text, decoded across chunks: a character split between two chunks is not garbled.
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.on('error', failed);
		child.on('close', (code) => resolve({ step, ok: code === 0, output, took: seconds(start) }));
	});
}

/** Runs a step with its output shown as it comes. */
function loudly(step: Step): Promise<boolean> {
	return new Promise((resolve) => {
		let child;
		try {
			child = spawn(step.command, step.args, { stdio: 'inherit' });
		} catch (error) {
			process.stderr.write(`${step.name}: ${(error as Error).message}\n`);
			resolve(false);
			return;
		}
		child.on('error', (error) => {
			process.stderr.write(`${step.name}: ${error.message}\n`);
			resolve(false);
		});
		child.on('close', (code) => resolve(code === 0));
	});
}

const start = performance.now();
const failed: string[] = [];

if (!(await loudly({ name: 'astro sync', command: bin('astro'), args: ['sync'] }))) failed.push('astro sync');

// Without Astro's types, the type check and the typed lint would report errors that are not the code's.
if (failed.length > 0) failed.push(...STATIC.map((step) => `${step.name} (not run)`));
else {
	await Promise.all(
		STATIC.map((step) =>
			quietly(step).then(({ ok, output, took }) => {
				process.stdout.write(`\n── ${step.name}: ${ok ? 'passed' : 'FAILED'} (${took}) ──\n${output.trimEnd()}\n`);
				if (!ok) failed.push(step.name);
			}),
		),
	);
}

// The build and browser layers run even when a check failed: a run reports every failure at once.
const layers = { name: 'build and browser tests', command: bin('vitest'), args: ['run', '--project', 'build', '--project', 'browser'] };
process.stdout.write(`\n── ${layers.name} ──\n`);
if (!(await loudly(layers))) failed.push(layers.name);

process.stdout.write(
	`\n${failed.length ? `FAILED: ${failed.join(', ')}` : 'Every check and test passed'} (npm test, ${seconds(start)}).\n`,
);
process.exitCode = failed.length ? 1 : 0;
