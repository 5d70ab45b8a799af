import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteLater, leftovers, swapIn, workFolders } from '../../scripts/swap-site.ts';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'swap-site-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** A folder holding one page, index.html, with `text` in it. */
function site(folder: string, text: string): string {
	mkdirSync(folder, { recursive: true });
	writeFileSync(path.join(folder, 'index.html'), text);
	return folder;
}
const pageOf = (folder: string) => readFileSync(path.join(folder, 'index.html'), 'utf8');
/** The pid of a process that has ended: one started and waited for. */
const ended = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('putting a new site in place', () => {
	it('moves the new site in and the old one aside', async () => {
		const out = site(path.join(dir, 'dist'), 'old');
		const { next, old } = workFolders(out, process.pid);
		site(next, 'new');
		expect(await swapIn(next, out, old)).toBe(true);
		expect(pageOf(out)).toBe('new');
		expect(pageOf(old)).toBe('old');
		expect(existsSync(next)).toBe(false);
	});

	it('puts the first site in place where there was none', async () => {
		const out = path.join(dir, 'dist');
		const { next, old } = workFolders(out, process.pid);
		site(next, 'first');
		expect(await swapIn(next, out, old)).toBe(false);
		expect(pageOf(out)).toBe('first');
		expect(existsSync(old)).toBe(false);
	});

	it('finds the folders of builds that have ended, and only those', () => {
		const out = site(path.join(dir, 'dist'), 'site');
		const gone = workFolders(out, ended());
		site(gone.next, 'killed while building');
		site(gone.old, 'a deletion that did not finish');
		// A build running now (this process), and folders that are not a build's.
		site(workFolders(out, process.pid).next, 'building');
		site(path.join(dir, '.dist-notes'), 'an author’s');
		expect(leftovers(out).sort()).toEqual([gone.next, gone.old].sort());
	});

	it('deletes the old site in a process of its own, which outlives the build that asked', async () => {
		const folders = [
			site(path.join(dir, '.dist-old-1'), 'a'),
			path.dirname(path.dirname(site(path.join(dir, '.dist-next-2', 'briefs', 'x'), 'b'))),
			path.join(dir, 'never-there'),
		];
		// A build that asks, then ends at once.
		const build = spawnSync(
			process.execPath,
			['-e', `import(${JSON.stringify(swapModule)}).then((m) => console.log(m.deleteLater(${JSON.stringify(folders)})))`],
			{ encoding: 'utf8' },
		);
		expect(build.status, build.stderr).toBe(0);
		expect(Number(build.stdout)).toBeGreaterThan(0);
		await vi.waitFor(() => expect(readdirSync(dir)).toEqual([]), { timeout: 20_000, interval: 50 });
	});

	it('starts no process when there is nothing to delete', () => {
		expect(deleteLater([])).toBeUndefined();
	});
});

const swapModule = path.resolve(import.meta.dirname, '../../scripts/swap-site.ts');
