/**
 * `npm run bench`: the figures the issues ask for, measured on the real site
 * and on generated corpora, printed as tables with the budget beside each.
 *
 *   npm run bench                 # real site, 300 and 3,000 briefs, 3 runs each
 *   npm run bench -- --sizes 1,300 --runs 5
 *   npm run bench -- --sizes '' --compare '' --no-dev --no-lighthouse   # only the 5,000-entry library
 *
 * Builds run as an author's `npm run build` runs them (scripts/build.ts;
 * wall time and peak memory from GNU time). Search and page weight are
 * measured in Debian's Chromium on the built site served from 127.0.0.1;
 * bytes are gzip sizes, as a static host would send them. Medians of several runs: these machines are shared.
 */
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/serve.ts';
import { makeCorpus, makeLibrarySites, uniqueWord } from './corpus.ts';
import { writeSiteConfig } from './site-config.ts';
import { REPLACED } from './swap-site.ts';
import { devLatency } from './dev-latency.ts';
import { lighthouseScores } from './lighthouse.ts';
import { buildPeer, findPeer, preparePeer, timed, type BuildFigures } from './peer.ts';

const { values } = parseArgs({
	allowNegative: true,
	options: {
		sizes: { type: 'string', default: '1,300,3000' },
		runs: { type: 'string', default: '3' },
		lighthouse: { type: 'boolean', default: true },
		/** How long an edit to a brief takes to show in `astro dev` (scripts/dev-latency.ts). */
		dev: { type: 'boolean', default: true },
		/** The Starlight peer, set up as ../shared/peers/starlight/README.md says. */
		peer: { type: 'string', default: '../peer-starlight' },
		/** Sizes at which our build is compared with the peer's, side by side. */
		compare: { type: 'string', default: '300' },
		/** A brief citing 10 entries of a library of this many, against the same brief with only those entries ('' to skip). */
		library: { type: 'string', default: '5000' },
	},
});
const sizes = values.sizes.split(',').filter(Boolean).map(Number);
const runs = Number(values.runs);
const root = process.cwd();
const work = path.join(tmpdir(), 'sourced-bench');
/**
 * The generated briefs, inside the project as an author's content is: Astro
 * reuses pages only for content inside the project (integrations/page-reuse.ts),
 * so a corpus elsewhere would measure every build rendering every page.
 */
const corpora = path.join(root, 'tests/.out/bench');

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (bytes: number) => bytes / 1024;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** The pages listing briefs, which must not grow with the site (site.briefsPerPage): raw and gzip KB. */
const LISTING_PAGES = ['index.html', 'search/index.html'];
async function listingSizes(outDir: string): Promise<string[]> {
	const sizes: string[] = [];
	for (const file of LISTING_PAGES) {
		const bytes = await readFile(path.join(outDir, file));
		sizes.push(`${fmt(kb(bytes.length))} (${fmt(kb(gzipSync(bytes).length))})`);
	}
	return sizes;
}

async function dirSize(dir: string): Promise<number> {
	let total = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
	}
	return total;
}

/**
 * One build of `content` into `outDir` as `npm run build` runs it
 * (scripts/build.ts, which starts Astro), with its own cache folder: wall
 * seconds and peak memory (MB; GNU time reports the largest process). The
 * site it replaced is deleted after the command returns (scripts/swap-site.ts):
 * that deletion is waited for, so that it is not part of the next figure.
 */
const buildOnce = async (content: string, outDir: string, cacheDir = `${outDir}-cache`) => {
	const figures = await timed(root, [
		'scripts/build.ts',
		'--outDir',
		outDir,
		'--config',
		await writeSiteConfig(`${outDir}-astro.config.ts`, { content, cacheDir }),
	]);
	for (let waited = 0; (await readdir(path.dirname(outDir))).some((name) => name.startsWith(REPLACED)); waited += 50) {
		if (waited > 60_000) throw new Error(`the site replaced by a build is still beside ${outDir} a minute later`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return figures;
};

/**
 * A cold build: no output and no cache from the run before, and, for
 * generated content, no anchor manifest (the real site's is committed
 * content, kept).
 */
async function coldBuild(content: string, outDir: string, generated: boolean) {
	await rm(outDir, { recursive: true, force: true });
	await rm(`${outDir}-cache`, { recursive: true, force: true });
	if (generated) await rm(path.join(content, 'anchors.json'), { force: true });
	return buildOnce(content, outDir);
}

interface Transfer {
	url: string;
	gzip: number;
}

/** Records what the page fetches, sized as gzip would send it (already-compressed files count as they are). */
function recordTransfers(page: Page): Transfer[] {
	const seen: Transfer[] = [];
	page.on('response', async (response) => {
		try {
			const body = await response.body();
			const packed = /\.(pagefind|pf_index|pf_fragment|pf_filter|pf_meta)$/.test(new URL(response.url()).pathname);
			seen.push({ url: response.url(), gzip: packed ? body.length : gzipSync(body, { level: 9 }).length });
		} catch {
			// redirects and aborted requests have no body
		}
	});
	return seen;
}

const QUERIES = ['alipay', 'sandbox', 'klein', 'brookings', 'fintech', 'silk road', 'verified', 'payments'];
/** Milliseconds between keys: a brisk typist (about 150 words a minute), and a burst no one sustains. */
const PACES = [80, 20] as const;

interface SearchFigures {
	/** Median last key → first result, at each of PACES. */
	latencyMs: number[];
	openKb: number;
	/** Of openKb, our own code (the search module and what it imports). */
	ownKb: number;
	queryKb: number;
}

/**
 * Search in the dialog as a reader does: open it, type each query at a steady
 * pace, and time from the last keystroke to the first result for the whole
 * query on screen (results still showing for a shorter prefix do not count).
 * Also the bytes fetched to open search, and per query.
 */
async function measureSearch(url: string, slug: string, extraQuery?: string): Promise<SearchFigures> {
	const browser = await launch();
	const latencies = new Map<number, number[]>(PACES.map((pace) => [pace, []]));
	const opens: number[] = [];
	const owns: number[] = [];
	const perQuery: number[] = [];
	try {
		// Each pace in a fresh browser context, so that neither runs on what the other left in Pagefind's caches.
		for (let run = 0; run < runs; run++) {
			for (const pace of PACES) {
				const context = await browser.newContext();
				const page = await context.newPage();
				const transfers = recordTransfers(page);
				await page.goto(`${url}/briefs/${slug}/`);
				await page.waitForLoadState('networkidle');
				const before = transfers.length;
				// Search opens on a click (or typing, / or Ctrl+K), never on focus alone.
				await page.locator('#site-search-q').click();
				await page.locator('dialog.search-dialog[open] input[type="search"]').waitFor();
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(300);
				const opened = transfers.slice(before);
				opens.push(kb(opened.reduce((s, t) => s + t.gzip, 0)));
				owns.push(kb(opened.filter((t) => t.url.includes('/_s/')).reduce((s, t) => s + t.gzip, 0)));
				const input = page.locator('dialog.search-dialog input[type="search"]');
				for (const query of extraQuery ? [...QUERIES, extraQuery] : QUERIES) {
					await input.fill('');
					await page.waitForTimeout(300);
					const start = transfers.length;
					await input.pressSequentially(query.slice(0, -1), { delay: pace });
					await page.waitForTimeout(pace);
					await page.evaluate((query) => {
						const dialog = document.querySelector('dialog.search-dialog')!;
						const list = dialog.querySelector('.search-results')!;
						const status = dialog.querySelector('.search-status')!;
						(window as unknown as { __shown: Promise<number> }).__shown = new Promise((resolve) => {
							new MutationObserver((_, observer) => {
								if (list.querySelector('a') && status.textContent?.includes(`“${query}”`)) {
									observer.disconnect();
									requestAnimationFrame(() => resolve(performance.now()));
								}
								// The status line may be written after the list: watch both.
							}).observe(dialog, { childList: true, subtree: true, characterData: true });
						});
						document.addEventListener('keydown', () => ((window as unknown as { __key: number }).__key = performance.now()), {
							once: true,
							capture: true,
						});
					}, query);
					await input.press(query.at(-1)!);
					const ms = await page.evaluate(async () => {
						const w = window as unknown as { __shown: Promise<number>; __key: number };
						return (await w.__shown) - w.__key;
					});
					latencies.get(pace)!.push(ms);
					await page.waitForTimeout(300);
					if (pace === PACES[0]) perQuery.push(kb(transfers.slice(start).reduce((s, t) => s + t.gzip, 0)));
				}
				await context.close();
			}
		}
	} finally {
		await browser.close();
	}
	return {
		latencyMs: PACES.map((pace) => median(latencies.get(pace)!)),
		openKb: median(opens),
		ownKb: median(owns),
		queryKb: median(perQuery),
	};
}

interface PageFigures {
	kb: number;
	requests: number;
	inlineJsBytes: number;
	externalScripts: number;
}

/** First load of the brief page: bytes (gzip), requests, inline script size, external scripts run. */
async function measurePage(url: string): Promise<PageFigures> {
	const browser = await launch();
	try {
		const page = await (await browser.newContext()).newPage();
		const transfers = recordTransfers(page);
		await page.goto(`${url}/briefs/internet-plus/`);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		const { inline, external } = await page.evaluate(() => ({
			inline: [...document.scripts]
				.filter((s) => !s.src && s.type !== 'application/ld+json')
				.reduce((n, s) => n + new Blob([s.text]).size, 0),
			external: performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script').length,
		}));
		return {
			kb: kb(transfers.reduce((s, t) => s + t.gzip, 0)),
			requests: transfers.length,
			inlineJsBytes: inline,
			externalScripts: external,
		};
	} finally {
		await browser.close();
	}
}

/** A Markdown table; none for a part of the bench that was skipped (no rows). */
function table(title: string, head: string[], rows: (string | number)[][]) {
	if (rows.length === 0) return;
	console.log(`\n${title}\n`);
	console.log(`| ${head.join(' | ')} |`);
	console.log(`| ${head.map(() => '---').join(' | ')} |`);
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

const buildRows: (string | number)[][] = [];
const searchRows: (string | number)[][] = [];
const listingRows: (string | number)[][] = [];
let pageFigures: PageFigures | undefined;
const buildTimes = new Map<number, number>();

for (const size of sizes) {
	const content = size === 1 ? path.join(root, 'content') : await makeCorpus(size, path.join(corpora, `corpus-${size}`), root);
	const outDir = path.join(work, `dist-${size}`);
	const builds = [];
	for (let run = 0; run < runs; run++) {
		builds.push(await coldBuild(content, outDir, size !== 1));
		process.stderr.write(`built ${size} brief(s), run ${run + 1}: ${fmt(builds.at(-1)!.seconds)} s\n`);
	}
	const seconds = median(builds.map((b) => b.seconds));
	buildTimes.set(size, seconds);
	buildRows.push([size, fmt(seconds), fmt(median(builds.map((b) => b.peakMb)), 0)]);
	listingRows.push([size, ...(await listingSizes(outDir))]);

	const server = await serve(outDir);
	try {
		const slug = size === 1 ? 'internet-plus' : `brief-${'1'.padStart(String(size).length, '0')}`;
		const search = await measureSearch(server.url, slug, size === 1 ? undefined : uniqueWord(size - 1));
		const indexMb = (await dirSize(path.join(outDir, 'pagefind'))) / 1024 / 1024;
		searchRows.push([
			size,
			...search.latencyMs.map((ms) => fmt(ms, 0)),
			fmt(search.openKb),
			fmt(search.ownKb, 2),
			fmt(search.queryKb),
			fmt(indexMb, 2),
		]);
		if (size === 1) pageFigures = await measurePage(server.url);
	} finally {
		await server.close();
	}
}

table(
	'Search (median of ' + runs + ' runs × ' + QUERIES.length + ' queries)',
	[
		'briefs',
		...PACES.map((pace, i) => `last key → first result, ms, typing ${pace} ms/key${i === 0 ? ' (≤ 120)' : ''}`),
		'KB to open search (≤ 80; engine floor ≈ 86)',
		'of which ours, KB (≤ 3)',
		'KB per query',
		'index MB',
	],
	searchRows,
);
table('Build', ['briefs', 'wall s (median)', 'peak MB'], buildRows);
table('Pages listing briefs, KB (gzip KB); budget: the same at every size', ['briefs', '/', '/search/'], listingRows);
if (buildTimes.has(300) && buildTimes.has(3000)) {
	const ratio = buildTimes.get(3000)! / buildTimes.get(300)!;
	console.log(`\n3,000 / 300 briefs build time: ${fmt(ratio, 2)}× (budget ≤ 10×: ${ratio <= 10 ? 'met' : 'NOT met'})`);
}
if (pageFigures) {
	table(
		'Brief page, first load',
		['figure', 'measured', 'budget'],
		[
			['transferred (gzip)', `${fmt(pageFigures.kb)} KB`, '≤ 20 KB'],
			['requests', pageFigures.requests, '≤ 4'],
			['external scripts run before interaction', pageFigures.externalScripts, '0'],
			['inline script', `${pageFigures.inlineJsBytes} B`, '≤ 1024 B'],
		],
	);
}

if (values.lighthouse && sizes.includes(1)) {
	const scores = await lighthouseScores(path.join(work, 'dist-1'), ['/', '/briefs/internet-plus/']);
	table(
		'Lighthouse 12.8 (budget: 100 in each)',
		['page', 'form factor', 'performance', 'accessibility', 'best practices', 'SEO'],
		scores.map((s) => [s.page, s.formFactor, s.performance, s.accessibility, s.bestPractices, s.seo]),
	);
}

/**
 * Ours against the peer on the same briefs, alternating runs so that both see
 * the same machine: ours with a warm cache (output removed, cache kept, as
 * the peer keeps node_modules/.astro) and cold (cache removed too), and the
 * rebuild after an edit to one brief.
 */
const compareSizes = values.compare ? values.compare.split(',').map(Number) : [];
const peer = compareSizes.length > 0 ? findPeer(values.peer) : undefined;
if (!peer && compareSizes.length > 0)
	console.log(`\nNo peer at ${values.peer} (set it up as ../shared/peers/starlight/README.md says); skipping the comparison.`);
if (peer) {
	const rows: (string | number)[][] = [];
	const cpuRows: (string | number)[][] = [];
	for (const size of compareSizes) {
		const content = await makeCorpus(size, path.join(corpora, `corpus-${size}`), root);
		await preparePeer(peer, size, root);
		const outDir = path.join(work, `dist-compare-${size}`);
		const cacheDir = `${outDir}-cache`;
		// The anchor manifest is content an author commits, not a cache: written by the first build, kept by the others.
		const fresh = async (keepCache: boolean) => {
			await rm(outDir, { recursive: true, force: true });
			if (!keepCache) await rm(cacheDir, { recursive: true, force: true });
			return buildOnce(content, outDir, cacheDir);
		};
		// Write the manifest and fill both caches; these runs do not count.
		await rm(path.join(content, 'anchors.json'), { force: true });
		await fresh(false);
		await fresh(true);
		await buildPeer(peer);
		const warm: BuildFigures[] = [];
		const cold: BuildFigures[] = [];
		const theirs: BuildFigures[] = [];
		const edits: BuildFigures[] = [];
		for (let run = 0; run < runs; run++) {
			theirs.push(await buildPeer(peer));
			warm.push(await fresh(true));
			cold.push(await fresh(false));
			// One brief edited, everything else as the last build left it (output and cache kept).
			const brief = path.join(content, 'briefs', (await readdir(path.join(content, 'briefs'))).sort()[1]!);
			const before = await readFile(brief, 'utf8');
			const manifest = path.join(content, 'anchors.json');
			const published = await readFile(manifest, 'utf8');
			await appendFile(brief, `\nAn added closing line, edit ${run + 1}.\n`);
			edits.push(await buildOnce(content, outDir, cacheDir));
			// Undo the edit, and the anchor it published (the paragraph was never meant to be published: no alias is owed).
			await writeFile(brief, before);
			await writeFile(manifest, published);
			const both = (b: BuildFigures) => `${fmt(b.seconds)} s (CPU ${fmt(b.cpuSeconds)} s)`;
			process.stderr.write(
				`compared at ${size}, run ${run + 1}: peer ${both(theirs.at(-1)!)}, warm ${both(warm.at(-1)!)}, cold ${both(cold.at(-1)!)}, edit ${both(edits.at(-1)!)}\n`,
			);
		}
		const s = (xs: BuildFigures[]) => median(xs.map((x) => x.seconds));
		const cpu = (xs: BuildFigures[]) => median(xs.map((x) => x.cpuSeconds));
		const mb = (xs: BuildFigures[]) => median(xs.map((x) => x.peakMb));
		rows.push([
			size,
			fmt(s(theirs)),
			fmt(s(warm)),
			fmt(s(warm) / s(theirs), 2),
			fmt(s(cold)),
			fmt(s(cold) / s(theirs), 2),
			`${fmt(mb(warm), 0)} / ${fmt(mb(theirs), 0)}`,
			fmt(mb(warm) / mb(theirs), 2),
			fmt(s(edits)),
			fmt(s(edits) / s(cold), 2),
		]);
		cpuRows.push([
			size,
			fmt(cpu(theirs)),
			fmt(cpu(warm)),
			fmt(cpu(warm) / cpu(theirs), 2),
			fmt(cpu(cold)),
			fmt(cpu(cold) / cpu(theirs), 2),
			fmt(cpu(edits)),
			fmt(cpu(edits) / cpu(cold), 2),
		]);
	}
	table(
		`Build against Starlight 0.42 on the same briefs (median of ${runs} alternating runs)`,
		[
			'briefs',
			'peer s',
			'ours warm s',
			'warm / peer (≤ 0.5)',
			'ours cold s',
			'cold / peer (≤ 0.8)',
			'peak MB ours / peer',
			'RSS ratio (≤ 0.8)',
			'edit one brief s',
			'edit / full cold (≤ 0.3)',
		],
		rows,
	);
	// CPU time (user + system, the build's own threads and processes): what a busy shared machine inflates least.
	table(
		`The same builds in CPU seconds (median of ${runs})`,
		[
			'briefs',
			'peer CPU s',
			'ours warm CPU s',
			'warm / peer',
			'ours cold CPU s',
			'cold / peer',
			'edit one brief CPU s',
			'edit / full cold',
		],
		cpuRows,
	);
}

/**
 * A brief citing 10 entries of a large library (scripts/big-bib.ts) against
 * the same brief with only those entries: cold builds, alternating.
 */
if (values.library) {
	const size = Number(values.library);
	const { library, alone } = await makeLibrarySites(size, 10, corpora);
	const outDir = path.join(work, 'dist-library');
	const cold = (content: string) => coldBuild(content, outDir, true);
	const withLibrary: BuildFigures[] = [];
	const withCited: BuildFigures[] = [];
	for (let run = 0; run < runs; run++) {
		withCited.push(await cold(alone));
		withLibrary.push(await cold(library));
		process.stderr.write(
			`library of ${size}, run ${run + 1}: ${fmt(withLibrary.at(-1)!.seconds)} s against ${fmt(withCited.at(-1)!.seconds)} s\n`,
		);
	}
	const s = (xs: BuildFigures[]) => median(xs.map((x) => x.seconds));
	table(
		`A brief citing 10 entries of a ${size}-entry library, against the same brief with only those entries (cold builds, median of ${runs} alternating runs)`,
		['library s', 'cited entries only s', 'ratio (≤ 1.5)'],
		[[fmt(s(withLibrary), 2), fmt(s(withCited), 2), fmt(s(withLibrary) / s(withCited), 2)]],
	);
}

if (values.dev) {
	const latencies = await devLatency(5);
	table(
		'astro dev: an edit to the brief, until its page shows it (5 edits)',
		['median ms', 'each ms', 'budget'],
		[[fmt(median(latencies), 0), latencies.map((ms) => fmt(ms, 0)).join(', '), '< 1000 ms']],
	);
}
