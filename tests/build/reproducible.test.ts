import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeSiteConfig } from '../../scripts/site-config.ts';
import { oneBuildAtATime, outRoot, root } from '../helpers/build.ts';
import { distOf, ready } from '../helpers/sites.ts';

const again = path.join(outRoot, 'site-offline', 'dist');
let result: ReturnType<typeof spawnSync>;

const files = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((f) => f.isFile())
		.map((f) => path.relative(dir, path.join(f.parentPath, f.name)))
		.sort();

beforeAll(async () => {
	await ready('site');
	// The same commit built again, with a cache of its own and the network cut (a new, empty network namespace).
	const config = await writeSiteConfig(path.join(outRoot, 'site-offline', 'astro.config.ts'), {
		cacheDir: path.join(outRoot, 'site-offline', 'cache'),
	});
	// A build over the cache another build left is tests/build/incremental.test.ts.
	result = await oneBuildAtATime(() =>
		Promise.resolve(
			spawnSync(
				'unshare',
				['-n', '--', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', again, '--config', config],
				{
					cwd: root,
					env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
					encoding: 'utf8',
				},
			),
		),
	);
}, 600_000);

it('builds with no network', () => {
	expect(result.status, `${String(result.stdout)}${String(result.stderr)}`).toBe(0);
});

it('builds byte for byte the same site twice', () => {
	const first = files(distOf('site'));
	expect(files(again)).toEqual(first);
	const different = first.filter((f) => !readFileSync(path.join(distOf('site'), f)).equals(readFileSync(path.join(again, f))));
	expect(different).toEqual([]);
});
