import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSiteConfig } from '../../scripts/site-config.ts';
import { RENDERING, renderingMark } from '../../src/integrations/page-reuse.ts';
import { buildAgain, oneBuildAtATime, outRoot, root, type BuildResult } from '../helpers/build.ts';

/**
 * A build over the cache of the last one renders again the pages whose
 * inputs changed and copies the others from that build (Astro's incremental
 * build, with the pages' keys of utils/page-key.ts), and the site it writes
 * is the site a build from nothing writes.
 *
 * The site: the real brief and bibliography, and five short briefs citing a
 * bibliography of their own, two briefs a page. Between the two builds:
 * a paragraph added to one short brief, another retitled, the title of a
 * source only the real brief cites changed in its bibliography, and a new
 * brief citing a source the real brief cites.
 *
 * To tell a copied page from one rendered again, each page's copy in the
 * cache is marked after the first build: a copied page carries the mark.
 * One unchanged brief's page has no copy left, so it is rendered from the
 * brief the last build compiled and kept (plugins/mdx-cache.ts).
 *
 * The build from nothing it is compared with is made as `npm run build`
 * makes one, by scripts/astro-build.ts (Astro's build, the configuration
 * loaded by Node rather than by Vite) in a process of its own, with the
 * network cut (`unshare -n`, a new and empty network namespace): so it also
 * shows that a build needs no network, and that two builds of the same
 * content, each in a process of its own and each loading the project's
 * code its own way, write the same site byte for byte.
 */
const folder = path.join(outRoot, 'incremental');
const content = path.join(outRoot, 'incremental-content');
const fresh = path.join(outRoot, 'incremental-fresh');
const MARK = '<!-- kept from the last build -->';
const options = { briefsPerPage: 2 };

const files = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((f) => f.isFile())
		.map((f) => path.relative(dir, path.join(f.parentPath, f.name)))
		.sort();

let again: BuildResult;
let scratch: BuildResult;

async function write(): Promise<void> {
	await rm(content, { recursive: true, force: true });
	await mkdir(path.join(content, 'briefs'), { recursive: true });
	await cp(path.join(root, 'content/briefs/internet-plus.mdx'), path.join(content, 'briefs/internet-plus.mdx'));
	const bibliography = await readFile(path.join(root, 'content/bibliography.bib'), 'utf8');
	await writeFile(path.join(content, 'bibliography.bib'), bibliography);
	const klein = bibliography.indexOf('@techreport{klein2020,');
	await writeFile(path.join(content, 'short.bib'), bibliography.slice(klein, bibliography.indexOf('\n}\n', klein) + 3));
	for (let i = 1; i <= 5; i++) {
		await writeFile(
			path.join(content, 'briefs', `brief-0${i}.mdx`),
			[
				'---',
				`title: "Short brief ${i}"`,
				'summary: "A short brief citing one source."',
				'authors:',
				'  - name: Sourced editorial team',
				'published: 2026-11-29',
				'bibliography: short.bib',
				'---',
				'',
				`## Payments`,
				'',
				`Brief ${i}: payments moved to phones [@klein2020].`,
				'',
			].join('\n'),
		);
	}
}

const sourcePage = (key: string) => `references/${key}/index.html`;

/** A build of `content` from nothing into `folder` (its dist and cache), as `npm run build` runs Astro, with the network cut. */
async function offlineBuild(folder: string): Promise<BuildResult> {
	const outDir = path.join(folder, 'dist');
	const config = await writeSiteConfig(path.join(folder, 'astro.config.ts'), {
		content,
		cacheDir: path.join(folder, 'cache'),
		...options,
	});
	const result = await oneBuildAtATime(() =>
		Promise.resolve(
			spawnSync('unshare', ['-n', '--', process.execPath, 'scripts/astro-build.ts', '--outDir', outDir, '--config', config], {
				cwd: root,
				env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
				encoding: 'utf8',
			}),
		),
	);
	return { code: result.status, output: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}`, outDir };
}
const kept = path.join(folder, 'cache', 'dist');
const markCopies = async () => {
	for (const file of files(kept)) await appendFile(path.join(kept, file), MARK);
};

beforeAll(async () => {
	await rm(folder, { recursive: true, force: true });
	await rm(fresh, { recursive: true, force: true });
	await write();
	// The first build publishes the briefs' anchors (anchors.json, which an author commits); the second is the site as its
	// author left it, each brief compiled with the anchors it has published.
	for (let i = 0; i < 2; i++) {
		const result = await buildAgain(folder, content, options);
		if (result.code !== 0) throw new Error(`A first build failed:\n${result.output}`);
	}
	// Mark every page's copy in Astro's cache (cache/dist/…), and take one away.
	await markCopies();
	await rm(path.join(kept, 'briefs/brief-04/index.html'));

	await appendFile(path.join(content, 'briefs/brief-01.mdx'), '\nA paragraph added after the first build.\n');
	const third = path.join(content, 'briefs/brief-03.mdx');
	await writeFile(third, (await readFile(third, 'utf8')).replace('Short brief 3', 'Short brief 3, retitled'));
	const bib = path.join(content, 'bibliography.bib');
	await writeFile(
		bib,
		(await readFile(bib, 'utf8')).replace(
			'{14th Five-Year Plan for the Digital Economy}',
			'{14th Five-Year Plan for the Digital Economy, edited}',
		),
	);
	await writeFile(
		path.join(content, 'briefs/zz-new.mdx'),
		[
			'---',
			'title: "A new brief"',
			'summary: "A brief added after the first build."',
			'authors:',
			'  - name: Sourced editorial team',
			'published: 2026-11-29',
			'---',
			'',
			'Scale matters [@mckinsey2017].',
			'',
		].join('\n'),
	);
	// The anchors published before this build: the build from nothing gets the same (this one publishes the new brief's).
	const manifest = path.join(content, 'anchors.json');
	const published = await readFile(manifest, 'utf8');
	again = await buildAgain(folder, content, options);
	// The same content built from nothing, offline, in a process of its own.
	await writeFile(manifest, published);
	scratch = await offlineBuild(fresh);
}, 600_000);

const dist = () => path.join(folder, 'dist');
const marked = (file: string) => readFileSync(path.join(dist(), file), 'latin1').endsWith(MARK);

describe('a build over the last build’s cache', () => {
	it('builds from nothing with no network', () => {
		expect(scratch.code, scratch.output).toBe(0);
		expect(scratch.output).toContain('7 briefs compiled, 0 unchanged since the last build reused');
	});

	it('builds, compiling only the briefs that changed', () => {
		expect(again.code, again.output).toBe(0);
		// brief-01 (its text), brief-03 (its title), the real brief (its bibliography) and the new brief.
		expect(again.output).toContain('4 briefs compiled, 3 unchanged since the last build reused');
	});

	it('renders again every page showing what changed', () => {
		const rendered = [
			'briefs/brief-01/index.html',
			'briefs/brief-01/references.bib',
			'briefs/brief-03/index.html',
			'briefs/brief-03/og.png',
			'briefs/brief-03/cite.bib',
			'page/2/index.html',
			// Its briefs are the same, but the new brief adds a fourth page: "page 3 of 4", and a link to the next.
			'page/3/index.html',
			'briefs/internet-plus/index.html',
			'briefs/internet-plus/references.bib',
			sourcePage('statecouncil2022'),
			// Cited by the new brief too.
			sourcePage('mckinsey2017'),
			// Its copy was taken away: rendered from the brief kept from the last build.
			'briefs/brief-04/index.html',
		];
		for (const file of rendered) expect(existsSync(path.join(dist(), file)), file).toBe(true);
		expect(rendered.filter(marked)).toEqual([]);
		expect(readFileSync(path.join(dist(), 'briefs/brief-01/index.html'), 'utf8')).toContain('A paragraph added after the first build.');
		expect(readFileSync(path.join(dist(), 'page/2/index.html'), 'utf8')).toContain('Short brief 3, retitled');
		expect(readFileSync(path.join(dist(), sourcePage('statecouncil2022')), 'utf8')).toContain('Digital Economy, edited');
		expect(readFileSync(path.join(dist(), sourcePage('mckinsey2017')), 'utf8')).toContain('A new brief');
	});

	it('copies the pages of what did not change from the last build', () => {
		const copied = [
			'briefs/brief-02/index.html',
			'briefs/brief-02/og.png',
			'briefs/brief-02/cite.ris',
			'briefs/brief-02/references.json',
			sourcePage('gordon2023'),
		];
		for (const file of copied) expect(existsSync(path.join(dist(), file)), file).toBe(true);
		expect(copied.filter((file) => !marked(file))).toEqual([]);
	});

	it('writes the site a build from nothing writes', () => {
		const all = files(path.join(fresh, 'dist'));
		expect(files(dist())).toEqual(all);
		const different = all.filter((file) => {
			const ours = readFileSync(path.join(dist(), file));
			const theirs = readFileSync(path.join(fresh, 'dist', file));
			const unmarked = ours.subarray(0, ours.length - (ours.subarray(-MARK.length).toString('latin1') === MARK ? MARK.length : 0));
			return !unmarked.equals(theirs);
		});
		expect(different).toEqual([]);
	});

	// Last: it builds over the same cache.
	it('renders every page again after a build that stopped while rendering', async () => {
		await markCopies();
		// The mark of a process that has ended: one started and waited for.
		const ended = spawnSync(process.execPath, ['-e', '']).pid;
		await writeFile(path.join(folder, 'cache', renderingMark(ended)), '');
		const after = await buildAgain(folder, content, options);
		expect(after.code, after.output).toBe(0);
		expect(after.output).toContain('the last build stopped while rendering pages');
		expect(files(dist()).filter(marked)).toEqual([]);
		expect(readdirSync(path.join(folder, 'cache')).filter((name) => name.startsWith(RENDERING))).toEqual([]);
	}, 300_000);
});
