import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeSiteConfig } from '../../scripts/site-config.ts';
import { fixture, outRoot, root } from '../helpers/build.ts';

it('keeps the previous site when a build fails', async () => {
	const out = path.join(outRoot, 'safe-build', 'dist');
	await rm(path.dirname(out), { recursive: true, force: true });
	await mkdir(out, { recursive: true });
	await writeFile(path.join(out, 'index.html'), '<p>the previous, good site</p>');
	const content = path.join(outRoot, 'safe-build', 'content');
	await cp(fixture('unknown-key'), content, { recursive: true });

	const config = await writeSiteConfig(path.join(outRoot, 'safe-build', 'astro.config.ts'), { content, cacheDir: path.join(outRoot, 'safe-build', 'cache') });
	const result = spawnSync(process.execPath, ['scripts/build.ts', '--outDir', out, '--config', config], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
	});
	expect(result.status).not.toBe(0);
	expect(result.stderr).toContain('The build failed;');
	expect(`${result.stdout}${result.stderr}`).toContain('unknown citation key "klien2020"');
	expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<p>the previous, good site</p>');
	expect((await import('node:fs')).readdirSync(path.dirname(out)).filter((f) => f.startsWith('.dist-'))).toEqual([]);
}, 120_000);
