import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeSiteConfig } from '../../scripts/site-config.ts';
import { oneBuildAtATime, outRoot, root } from '../helpers/build.ts';
import { distOf, ready } from '../helpers/sites.ts';

const again = path.join(outRoot, 'site-offline', 'dist');
const warm = path.join(outRoot, 'site-offline', 'dist-warm');
let result: ReturnType<typeof spawnSync>;
let warmResult: ReturnType<typeof spawnSync>;

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
	const buildInto = (outDir: string) =>
		oneBuildAtATime(() =>
			Promise.resolve(
				spawnSync(
					'unshare',
					['-n', '--', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir, '--config', config],
					{
						cwd: root,
						env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
						encoding: 'utf8',
					},
				),
			),
		);
	result = await buildInto(again);
	// Once more over the cache the offline build left: every brief kept from it (plugins/mdx-cache.ts).
	warmResult = await buildInto(warm);
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

it('builds the same site again from the briefs the last build kept, without compiling them', () => {
	const log = `${String(warmResult.stdout)}${String(warmResult.stderr)}`;
	expect(warmResult.status, log).toBe(0);
	expect(log).toContain('0 briefs compiled, 1 unchanged since the last build reused');
	// Their pages, search index, reference pages and anchors come out the same: what the plugins found was kept with each brief.
	const first = files(distOf('site'));
	expect(files(warm)).toEqual(first);
	const different = first.filter((f) => !readFileSync(path.join(distOf('site'), f)).equals(readFileSync(path.join(warm, f))));
	expect(different).toEqual([]);
});
