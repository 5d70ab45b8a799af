import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageVersions } from '../../src/utils/package-versions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

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
		const dir = mkdtempSync(path.join(tmpdir(), 'versions-'));
		mkdirSync(path.join(dir, 'node_modules', 'citeproc'), { recursive: true });
		writeFileSync(path.join(dir, 'node_modules', 'citeproc', 'package.json'), JSON.stringify({ name: 'citeproc', version: '9.8.7' }));
		const project = path.join(dir, 'sites', 'research');
		mkdirSync(project, { recursive: true });
		expect(packageVersions(project, ['citeproc', 'no-such-package-here'])).toBe('citeproc@9.8.7 no-such-package-here@?');
		rmSync(dir, { recursive: true, force: true });
	});
});
