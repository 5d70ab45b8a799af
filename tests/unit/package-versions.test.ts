import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../helpers/temporary.ts';
import { packageVersions } from '../../src/utils/package-versions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const temporary = temporaryFolders();

describe('packageVersions (part of the keys of the citation and sharing-card caches)', () => {
	it('names the versions installed for the project, as its lockfile has them', () => {
		const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
			packages: Record<string, { version: string }>;
		};
		expect(packageVersions(root, ['citeproc', '@resvg/resvg-js'])).toBe(
			`citeproc@${lock.packages['node_modules/citeproc']!.version} @resvg/resvg-js@${lock.packages['node_modules/@resvg/resvg-js']!.version}`,
		);
	});

	it('finds a package in a folder above the project, as Node does, and marks one installed nowhere', () => {
		const dir = temporary('versions-');
		mkdirSync(path.join(dir, 'node_modules', 'citeproc'), { recursive: true });
		writeFileSync(path.join(dir, 'node_modules', 'citeproc', 'package.json'), JSON.stringify({ name: 'citeproc', version: '9.8.7' }));
		const project = path.join(dir, 'sites', 'research');
		mkdirSync(project, { recursive: true });
		expect(packageVersions(project, ['citeproc', 'no-such-package-here'])).toBe('citeproc@9.8.7 no-such-package-here@?');
	});

	it('finds a package that exports only its entry, by the manifest that names it (not one inside it), and one linked from elsewhere as pnpm links them', () => {
		const dir = temporary('versions-');
		const write = (file: string, json: unknown) => {
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
		};
		// Its package.json cannot be required, and the folder of its entry has manifests that are not its own: one without a
		// name, above it one of a package it vendors (a version that is not resvg's, which only the name tells apart).
		const hidden = path.join(dir, 'node_modules', '@resvg', 'resvg-js');
		write(path.join(hidden, 'package.json'), { name: '@resvg/resvg-js', version: '2.7.0', exports: { '.': './dist/cjs/index.js' } });
		write(path.join(hidden, 'dist', 'package.json'), { name: 'resvg-wasm-vendored', version: '0.9.0' });
		write(path.join(hidden, 'dist', 'cjs', 'package.json'), { type: 'commonjs' });
		write(path.join(hidden, 'dist', 'cjs', 'index.js'), 'module.exports = {};');
		// pnpm: node_modules/<name> is a link into its store.
		const stored = path.join(dir, 'node_modules', '.pnpm', 'citeproc@2.4.63', 'node_modules', 'citeproc');
		write(path.join(stored, 'package.json'), { name: 'citeproc', version: '2.4.63', main: 'citeproc_commonjs.js' });
		write(path.join(stored, 'citeproc_commonjs.js'), 'module.exports = {};');
		symlinkSync(stored, path.join(dir, 'node_modules', 'citeproc'), 'junction');
		write(path.join(dir, 'package.json'), { name: 'site', private: true });
		expect(packageVersions(dir, ['@resvg/resvg-js', 'citeproc'])).toBe('@resvg/resvg-js@2.7.0 citeproc@2.4.63');
	});

	// On a Node whose require goes through module hooks (the project's Node 24 does).
	it.skipIf(typeof nodeModule.registerHooks !== 'function')(
		"finds a package where Yarn's Plug'n'Play puts it, with no node_modules anywhere",
		() => {
			const dir = temporary('versions-');
			const unplugged = path.join(dir, '.yarn', 'unplugged', 'citeproc-npm-2.4.63-0a1b2c', 'node_modules', 'citeproc');
			mkdirSync(unplugged, { recursive: true });
			writeFileSync(path.join(unplugged, 'package.json'), JSON.stringify({ name: 'citeproc', version: '2.4.63' }));
			writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true }));
			// What PnP's loader does: it resolves the project's requests from its own map instead of node_modules folders.
			const pnp = nodeModule.registerHooks({
				resolve: (specifier, context, next) =>
					specifier.startsWith('citeproc') && context.parentURL?.startsWith(pathToFileURL(dir).href)
						? { url: pathToFileURL(path.join(unplugged, specifier.slice('citeproc'.length) || 'package.json')).href, shortCircuit: true }
						: next(specifier, context),
			});
			try {
				expect(packageVersions(dir, ['citeproc'])).toBe('citeproc@2.4.63');
			} finally {
				pnp.deregister();
			}
		},
	);
});
