import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSiteConfig } from '../../scripts/site-config.ts';
import { fixture, oneBuildAtATime, outRoot, root } from '../helpers/build.ts';

/**
 * The one failing build of the suite, made as `npm run build` makes one
 * (scripts/build.ts), over a site whose bibliography has several problems
 * (tests/fixtures/bad-bib-many), where a good site was built before. Each
 * kind of mistake on its own, rendered as a build renders it: tests/unit/author-errors.test.ts.
 */
const out = path.join(outRoot, 'safe-build', 'dist');
const bib = 'tests/fixtures/bad-bib-many/bibliography.bib';
let code: number | null;
let output = '';

beforeAll(async () => {
	await rm(path.dirname(out), { recursive: true, force: true });
	await mkdir(out, { recursive: true });
	await writeFile(path.join(out, 'index.html'), '<p>the previous, good site</p>');
	const config = await writeSiteConfig(path.join(outRoot, 'safe-build', 'astro.config.ts'), {
		content: fixture('bad-bib-many'),
		cacheDir: path.join(outRoot, 'safe-build', 'cache'),
	});
	code = await oneBuildAtATime(async () => {
		const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', out, '--config', config], {
			cwd: root,
			env: {
				...process.env,
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
			},
		});
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		return new Promise<number | null>((resolve) => child.on('close', resolve));
	});
});

describe('a build that fails', () => {
	it('keeps the previous site, and says so', async () => {
		expect(code, output).not.toBe(0);
		expect(output).toContain('The build failed;');
		expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<p>the previous, good site</p>');
		expect(readdirSync(path.dirname(out)).filter((f) => f.startsWith('.dist-'))).toEqual([]);
		// Nor does it write into the tracked fixture.
		expect(existsSync(path.join(fixture('bad-bib-many'), 'anchors.json'))).toBe(false);
	});

	it('fails once, listing every problem with its file, line and column, and the citation errors beside them', () => {
		const reported = output
			.split('\n')
			.filter((line) => line.startsWith(`  ${bib}:`) || line.startsWith('  tests/fixtures/bad-bib-many/briefs/'));
		expect(reported.map((line) => /^\s*(\S+?:\d+:\d+): /.exec(line)?.[1])).toEqual([
			`${bib}:2:10`, // a cited @article without a journal
			`${bib}:10:28`, // the brace before "Markets" that is never closed
			`${bib}:18:3`, // a comma missing before "year"
			`${bib}:24:15`, // an undefined @string macro
			`${bib}:26:3`, // verification = {sure}
			`${bib}:29:7`, // a key used twice
			'tests/fixtures/bad-bib-many/briefs/many.mdx:9:94', // a citation of a key no entry has
		]);
	});

	it('says how to fix each', () => {
		expect(output).toContain(`${bib}:10:28: malformed BibTeX: this "{" is never closed; add the matching "}".`);
		expect(output).toContain('is a comma missing after the previous field?');
		expect(output).toContain('Define it with @string{unknownpress = {…}} before this entry, or put the value in braces: {unknownpress}.');
	});

	it('does not fail on a problem in an entry no brief cites', () => {
		expect(output).not.toContain('nobody2024');
	});
});

/**
 * `npm run build` imports the configuration with Node (scripts/astro-build.ts);
 * one that Node cannot load is handed back to Astro, which reports it as its
 * CLI does, with the place of the mistake in the file.
 */
describe('a configuration that does not load', () => {
	const folder = path.join(outRoot, 'bad-config');
	const config = path.relative(root, path.join(folder, 'astro.config.ts'));

	it('stops the build, naming the file, line and column of the mistake', async () => {
		await rm(folder, { recursive: true, force: true });
		await mkdir(folder, { recursive: true });
		// A comma where a property should be, on line 3.
		await writeFile(path.join(root, config), '// A configuration with a typo.\n\nexport default { integrations: [], , };\n');
		let printed = '';
		const exit = await oneBuildAtATime(async () => {
			const child = spawn(process.execPath, ['scripts/astro-build.ts', '--outDir', path.join(folder, 'dist'), '--config', config], {
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
			});
			child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
			return new Promise<number | null>((resolve) => child.on('close', resolve));
		});
		expect(exit, printed).toBe(1);
		expect(printed).toContain(`Unable to load ${config}`);
		expect(printed).toMatch(new RegExp(`${config.replace(/[.]/g, '\\.')}:3:\\d+`));
		expect(existsSync(path.join(folder, 'dist'))).toBe(false);
	});
});
