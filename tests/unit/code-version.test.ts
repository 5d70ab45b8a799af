import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion } from '../../src/utils/code-version.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const temporary = temporaryFolders();

/** A project with these files (path → text); a fresh folder each time, since a version is read once a process for each project. */
function project(files: Record<string, string>): string {
	const root = temporary('sourced-code-version-');
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), text);
	}
	return root;
}

const citeproc = (version: string) => ({ 'node_modules/citeproc/package.json': JSON.stringify({ name: 'citeproc', version }) });

describe('the version compiled briefs are kept by', () => {
	it('is the same for the same code and packages', () => {
		expect(codeVersion(project(citeproc('2.4.63')))).toBe(codeVersion(project(citeproc('2.4.63'))));
	});

	it('changes when a package that writes briefs is upgraded, with no lockfile to say so (one not committed, pnpm or Yarn without theirs)', () => {
		// Found by a review: with only package-lock.json hashed, an upgrade of citeproc in such a project kept every brief's page as the
		// old version wrote it, while a build from nothing wrote the new one's.
		expect(codeVersion(project(citeproc('2.4.64')))).not.toBe(codeVersion(project(citeproc('2.4.63'))));
	});

	it('changes with any package manager’s lockfile, or with what npm and pnpm record in node_modules as they install', () => {
		for (const record of [
			'package-lock.json',
			'pnpm-lock.yaml',
			'yarn.lock',
			'bun.lock',
			'node_modules/.package-lock.json',
			'node_modules/.pnpm/lock.yaml',
		]) {
			const before = codeVersion(project({ ...citeproc('2.4.63'), [record]: 'lodash 4.17.20' }));
			const after = codeVersion(project({ ...citeproc('2.4.63'), [record]: 'lodash 4.17.21' }));
			expect(after, record).not.toBe(before);
		}
	});
});
