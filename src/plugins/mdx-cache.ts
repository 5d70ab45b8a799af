import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import { manifestPath, publishedAnchors } from '../anchors/manifest.ts';
import { codeVersion } from '../utils/code-version.ts';
import { writeWhole } from '../utils/write-whole.ts';
import type { BuildCollector, Collected } from '../integration/collector.ts';
import type { SourcedConfig } from '../integration/config.ts';
import { BUNDLED_STYLES, resolveCitationSettings } from './citation-options.ts';
import { THREAD_SLOTS, ThreadUnavailable, type CompileThread } from './compile-thread.ts';
import { slugOf } from './rehype-block-ids.ts';

/** What the cache asks of the compile thread (compile-thread.ts). */
export type BriefThread = Pick<CompileThread, 'available' | 'running' | 'compile' | 'close'>;

type MdxRendererFactory = NonNullable<MarkdownProcessor['createMdxRenderer']>;
type MdxRenderer = Awaited<ReturnType<MdxRendererFactory>>;
type Compiled = Awaited<ReturnType<MdxRenderer['process']>>;

/**
 * What is kept of one compiled brief: the module MDX made of it, the static
 * HTML taken out of that module (outlineHtml), and what its plugins left for
 * the build's hooks.
 */
interface Kept {
	compiled: Compiled;
	outlined: number;
	collected: Collected | undefined;
}

/**
 * How many briefs are compiled at once. The bundler asks for every module
 * at once, and a compile that awaits (Astro's syntax highlighter awaits its
 * first start, shared by every compile) lets the next one begin: in a cold
 * build of 3,000 briefs, nearly every brief's Markdown and HTML trees were
 * alive together while the highlighter started. The heap alive after each
 * full collection grew to 2.0 GB (`--trace-gc`), and a heap snapshot showed
 * the trees held by the highlighter's pending promise. Compiling is work on
 * this one thread, so two at a time lose nothing: a second brief runs while
 * the first awaits.
 */
export const COMPILE_SLOTS = 2;

/**
 * How many briefs must wait to be compiled at once before the compile
 * thread (compile-thread.ts) is started: the bundler asks for every module
 * at once, so a cold build of a site has them all waiting, and an edit has
 * one. Starting the thread costs about 1.3 s of CPU (loading the pipeline),
 * which a handful of briefs does not repay.
 */
export const THREAD_MIN = 16;

type Lane = 'here' | 'thread';

/** How long a brief's HTML is kept after the last build that used it (prune). */
const HTML_GRACE_MS = 60 * 60 * 1000;

/** A static HTML string at least this long leaves the module for a file of its own. */
export const OUTLINE_MIN = 2048;
const SET_HTML = /"set:html": ("(?:[^"\\\n]|\\.)*")/g;
const READ = '__sourcedReadHtml';

/**
 * Takes the long static HTML out of a compiled brief. MDX (with Astro's
 * `optimize`) compiles each run of static markup to one string literal,
 * `"set:html": "<p …>…"`: for a brief, nearly all of its module (83 of
 * 96 KB for our brief). The bundler holds several copies of every module
 * at once, so 300 briefs cost it hundreds of MB. Each such string now goes
 * to a file, `file(i)`, and the module reads it when the brief is rendered:
 *
 *   "set:html": "<p id=\"intro-p1\">…"
 *   → "set:html": __sourcedReadHtml("/…/sourced-mdx/<key>.0.html", "utf8")
 *
 * A literal that is short, that JSON cannot read, or that holds a lone
 * surrogate (which UTF-8 cannot keep) stays as it is.
 */
export function outlineHtml(code: string, file: (index: number) => string): { code: string; parts: string[] } {
	const parts: string[] = [];
	const out = code.replace(SET_HTML, (whole, literal: string) => {
		if (literal.length < OUTLINE_MIN) return whole;
		let html: unknown;
		try {
			html = JSON.parse(literal);
		} catch {
			return whole;
		}
		if (typeof html !== 'string' || !html.isWellFormed()) return whole;
		const index = parts.push(html) - 1;
		return `"set:html": ${READ}(${JSON.stringify(file(index))}, "utf8")`;
	});
	if (parts.length === 0) return { code, parts };
	// Last, so that every line keeps its place (and its source map); an import counts wherever it stands.
	return { code: `${out}\nimport { readFileSync as ${READ} } from "node:fs";\n`, parts };
}

const sha = (...parts: (string | Buffer)[]) => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
};

/** A file's digest, read again only when it changes. */
const fileDigests = new Map<string, { mtimeMs: number; size: number; digest: string }>();
function fileDigest(file: string): string {
	let stat;
	try {
		stat = statSync(file);
	} catch {
		return 'missing';
	}
	const known = fileDigests.get(file);
	if (known?.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.digest;
	const digest = sha(readFileSync(file));
	fileDigests.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, digest });
	return digest;
}

/**
 * Keeps each compiled brief between builds (in `<cacheDir>/sourced-mdx/`),
 * keyed by everything its module is made from: its text and frontmatter,
 * the site's configuration, the bibliography and style it names, the
 * anchors it has published (content/anchors.json), the MDX options and the
 * code. An unchanged brief is then neither parsed nor formatted again: the
 * kept module is handed to Vite and what its plugins found is handed to the
 * collector, as if they had run. A brief whose compilation fails is never
 * kept, so its errors are reported on every build until it is fixed.
 */
export class MdxCache {
	private readonly dir: string;
	private readonly used = new Set<string>();
	/** Briefs compiled on this thread and on the compile thread now, and those waiting for either. */
	private readonly running = { here: 0, thread: 0 };
	private readonly waiting: ((lane: Lane) => void)[] = [];
	/** Whether the compile thread takes briefs (once started, until it ends for want of work). */
	private threadInUse = false;
	/** Briefs compiled and briefs taken from the cache in this build. */
	readonly counts = { compiled: 0, kept: 0 };

	private readonly config: SourcedConfig;
	private readonly collector: BuildCollector | undefined;
	private readonly outline: boolean;
	private readonly thread: BriefThread | undefined;

	/**
	 * `outline`: take each brief's HTML out of its module (outlineHtml), in a
	 * build. Not in `astro dev`, whose modules live for hours while a build
	 * beside it may prune what it did not use; the two then keep apart
	 * entries, since `outline` is part of every key. `thread`: a second
	 * thread to compile briefs on when a build has many (THREAD_MIN); none
	 * in `astro dev`.
	 */
	constructor(config: SourcedConfig, collector: BuildCollector | undefined, outline = true, thread?: BriefThread) {
		this.config = config;
		this.collector = collector;
		this.outline = outline;
		this.thread = thread;
		this.dir = path.join(config.paths.cache, 'sourced-mdx');
	}

	/** The MDX renderer made by `create`, with each brief's result kept by its inputs. */
	wrap(create: MdxRendererFactory): MdxRendererFactory {
		return async (shared, mdx) => {
			const renderer = await create(shared, mdx);
			const options = JSON.stringify({ shared, mdx });
			return {
				process: async (content, filePath, frontmatter) => {
					const key = this.key(options, content, filePath, frontmatter);
					this.used.add(key);
					const kept = this.read(key);
					if (kept) {
						this.counts.kept++;
						if (kept.collected) this.collector?.restore(filePath, kept.collected);
						return kept.compiled;
					}
					const { compiled: whole, collected } = await this.compile(
						() => renderer.process(content, filePath, frontmatter),
						(thread) => thread.compile(shared, mdx, content, filePath, frontmatter),
						filePath,
					);
					this.counts.compiled++;
					const { code, parts } = this.outline
						? outlineHtml(whole.code, (index) => this.htmlFile(key, index))
						: { code: whole.code, parts: [] };
					// In a build, the module names its key, so that its code changes with anything the brief is compiled from, its
					// bibliography included, even when no HTML left it: Astro reuses a page that renders the brief only
					// while the module it renders is the same (utils/page-key.ts).
					const named = (module: string) => (this.outline ? `${module}\nexport const __sourcedKey = ${JSON.stringify(key)};\n` : module);
					// The HTML first: a module kept is never one whose HTML is not. HTML that cannot be written (a full disk)
					// leaves the module whole, as MDX made it, and unkept.
					if (!parts.every((html, index) => writeWhole(this.htmlFile(key, index), html))) return { ...whole, code: named(whole.code) };
					const compiled = { ...whole, code: named(code) };
					this.write(key, { compiled, outlined: parts.length, collected });
					return compiled;
				},
			};
		};
	}

	/**
	 * Whether a build over these briefs will compile enough of them to use
	 * the compile thread (THREAD_MIN): as many more briefs (`.mdx` files
	 * under `briefs/`) than compiled briefs kept, as in a build from nothing.
	 * Kept briefs that no brief uses any more make it say no: the thread is
	 * then started when the briefs wait, as it always was.
	 */
	compilesMany(): boolean {
		const count = (dir: string, ending: string, recursive: boolean) => {
			try {
				return readdirSync(dir, { recursive }).filter((name) => String(name).endsWith(ending)).length;
			} catch {
				return 0;
			}
		};
		return count(path.join(this.config.paths.content, 'briefs'), '.mdx', true) - count(this.dir, '.bin', false) >= THREAD_MIN;
	}

	/** Ends the compile thread, if this build started it. */
	close(): Promise<void> {
		return this.thread?.close() ?? Promise.resolve();
	}

	/**
	 * Compiles a brief on this thread (`here`) or on the compile thread, which
	 * takes briefs while it has room once enough wait (THREAD_MIN); on this
	 * thread, COMPILE_SLOTS at a time. Either way, the collector has what the
	 * brief's plugins left. A brief the compile thread cannot take (it failed
	 * to start, or stopped) is compiled here, as is every brief after it.
	 */
	private async compile(
		here: () => Promise<Compiled>,
		there: (thread: BriefThread) => Promise<{ compiled: Compiled; collected: Collected | undefined }>,
		filePath: string,
	): Promise<{ compiled: Compiled; collected: Collected | undefined }> {
		const lane = await this.lane();
		try {
			if (lane === 'here') {
				// A turn of the event loop first: briefs compiled here follow one another in promise callbacks alone, which would
				// hold back the compile thread's replies, and so its next briefs, until every brief waiting here was done.
				if (this.threadInUse) await new Promise((resolve) => setImmediate(resolve));
				const compiled = await here();
				return { compiled, collected: this.collector?.of(filePath) };
			}
			try {
				const result = await there(this.thread!);
				if (result.collected) this.collector?.restore(filePath, result.collected);
				return result;
			} catch (error) {
				if (!(error instanceof ThreadUnavailable)) throw error;
			}
		} finally {
			this.release(lane);
		}
		// The compile thread could not take it: compiled here, as every brief after it.
		return this.compile(here, there, filePath);
	}

	/** Waits for room on this thread or the compile thread (`pump`). */
	private lane(): Promise<Lane> {
		return new Promise((resolve) => {
			this.waiting.push(resolve);
			this.pump();
		});
	}

	private release(lane: Lane): void {
		this.running[lane]--;
		this.pump();
	}

	/** Gives waiting briefs the room there is, the compile thread first once it is in use. */
	private pump(): void {
		while (this.waiting.length > 0) {
			const thread = this.thread?.available === true;
			// A thread that ended for want of work is started again only if as many briefs wait as the first time.
			if (this.threadInUse && this.running.thread === 0 && this.thread?.running !== true) this.threadInUse = false;
			if (thread && !this.threadInUse && this.waiting.length + this.running.here >= THREAD_MIN) this.threadInUse = true;
			const lane: Lane | undefined =
				thread && this.threadInUse && this.running.thread < THREAD_SLOTS
					? 'thread'
					: this.running.here < COMPILE_SLOTS
						? 'here'
						: undefined;
			if (!lane) return;
			this.running[lane]++;
			this.waiting.shift()!(lane);
		}
	}

	/**
	 * Removes kept briefs this build did not use (edited, renamed, deleted),
	 * after a build that compiled every brief: `<key>.bin` at once, and its
	 * `<key>.<n>.html` once no build has used it for an hour. Another build
	 * sharing the cache may be rendering from that HTML now: each build that
	 * keeps a brief marks its HTML as used (read).
	 */
	prune(now = Date.now()): void {
		if (this.used.size === 0) return;
		let names: string[];
		try {
			names = readdirSync(this.dir);
		} catch {
			return;
		}
		for (const name of names) {
			if (this.used.has(name.split('.')[0]!)) continue;
			const file = path.join(this.dir, name);
			try {
				if (name.endsWith('.html') && now - statSync(file).mtimeMs < HTML_GRACE_MS) continue;
				rmSync(file, { force: true });
			} catch {
				// gone already
			}
		}
		this.used.clear();
	}

	private key(options: string, content: string, filePath: string, frontmatter: Record<string, unknown>): string {
		const settings = resolveCitationSettings(frontmatter, this.config);
		const manifest = manifestPath(this.config.paths.content);
		return sha(
			codeVersion(this.config.paths.root),
			options,
			JSON.stringify(this.config),
			filePath,
			JSON.stringify(frontmatter),
			content,
			fileDigest(settings.bibliography),
			BUNDLED_STYLES.has(settings.csl) ? settings.csl : fileDigest(settings.csl),
			JSON.stringify(publishedAnchors(slugOf({ path: filePath }), manifest)),
			this.outline ? 'outlined' : 'whole',
		);
	}

	private htmlFile(key: string, index: number): string {
		return path.join(this.dir, `${key}.${index}.html`);
	}

	/** A kept brief, if it and every file its module reads are there; those files are marked as used now (prune). */
	private read(key: string): Kept | undefined {
		let kept: Kept;
		try {
			kept = deserialize(readFileSync(path.join(this.dir, `${key}.bin`))) as Kept;
		} catch {
			return undefined;
		}
		const now = new Date();
		try {
			for (let index = 0; index < kept.outlined; index++) utimesSync(this.htmlFile(key, index), now, now);
		} catch {
			return undefined;
		}
		return kept;
	}

	private write(key: string, kept: Kept): void {
		writeWhole(path.join(this.dir, `${key}.bin`), serialize(kept));
	}
}
