import type { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions, MdxRendererOptions, MdxRenderResult } from '@astrojs/internal-helpers/markdown';
import type { Collected } from '../integration/collector.ts';
import type { SourcedConfig } from '../integration/config.ts';
import type { CardText } from '../sharing/card.ts';
import { startWorker } from '../utils/worker.ts';

export interface CompileJob {
	id: number;
	shared: AstroMarkdownOptions;
	/** MDX's options, its source folder (a URL) as its address. */
	mdx: Omit<MdxRendererOptions, 'srcDir'> & { srcDir?: string };
	content: string;
	filePath: string;
	frontmatter: Record<string, unknown>;
}

export interface ThrownError {
	name: string;
	message: string;
	stack?: string;
	props: Record<string, unknown>;
}

/** A brief compiled on the thread: its module, and what its plugins left for the build. */
export interface ThreadResult {
	compiled: MdxRenderResult;
	collected: Collected | undefined;
}

export type CompileReply = { id: number } & ((ThreadResult & { error?: never }) | { error: ThrownError; compiled?: never });

/**
 * Briefs the thread is given at once (mdx-cache.ts). It compiles two at a
 * time, as the build's thread does (COMPILE_SLOTS), and keeps the others
 * waiting, so that it never idles while the build's thread, busy with its
 * own briefs, has yet to read a reply and send the next brief: with two in
 * hand, it idled most of a cold build.
 */
export const THREAD_SLOTS = 8;

/** How long the thread waits for another brief before it ends. */
const IDLE_MS = 1000;

/** How long a thread started ahead of its briefs waits for the first (Astro reads 3,000 briefs in well under this). */
const START_IDLE_MS = 60_000;

/**
 * A second thread that compiles briefs (compile-worker.ts) beside the
 * build's own, where a cold build spends most of its time: in a CPU profile
 * of a cold 300-brief build, the build's thread was 95 % busy for the 25 s
 * it compiled briefs, while the machine's second core did about a third of
 * that in other work (README, "Benchmarks"). The thread is started when a
 * build has many briefs to compile (mdx-cache.ts), takes them while it has
 * room (THREAD_SLOTS), and ends when it has been idle a while, so that a build
 * does not keep its memory through rendering.
 *
 * A thread that cannot start or stops (a Node without type stripping or
 * `module.registerHooks`) says so by rejecting with `ThreadUnavailable`; the
 * brief is then compiled on the build's thread, as are all after it.
 */
export class CompileThread {
	private worker: Worker | undefined;
	/** Failed to start, or stopped on its own: the build compiles on its own thread from then on. */
	private broken = false;
	/** Ended by `close()`: takes no more briefs. */
	private closed = false;
	private next = 0;
	private readonly pending = new Map<number, { resolve: (result: ThreadResult) => void; reject: (error: unknown) => void }>();
	private idle: NodeJS.Timeout | undefined;
	private readonly config: SourcedConfig;
	private readonly paint: ((card: CardText) => void) | undefined;

	/** `paint`: where a card a plugin asks for goes (the build's painter). */
	constructor(config: SourcedConfig, paint?: (card: CardText) => void) {
		this.config = config;
		this.paint = paint;
	}

	/** Whether the thread can take briefs: it has not failed to start, stopped, or been closed. */
	get available(): boolean {
		return !this.broken && !this.closed;
	}

	/** Whether it is running now (it ends a second after its last brief, and starts again with the next). */
	get running(): boolean {
		return this.worker !== undefined;
	}

	/**
	 * Starts the thread before its first brief: it loads the pipeline (about
	 * 1.2 s of CPU) while the build's own thread starts Astro and reads the
	 * content, with the second core idle, rather than once the bundler asks
	 * for briefs and both cores are busy. A thread no brief reaches within
	 * START_IDLE_MS ends, as an idle one does, so that it does not hold its
	 * memory through the rest of the build. It never keeps the build running
	 * (`compile` holds it while it has work).
	 */
	start(): void {
		if (!this.thread()) return;
		clearTimeout(this.idle);
		this.idle = setTimeout(() => void this.stop(), START_IDLE_MS).unref();
	}

	/** Compiles a brief on the thread as MDX's renderer made with `shared` and `mdx` would. */
	compile(
		shared: AstroMarkdownOptions,
		mdx: MdxRendererOptions,
		content: string,
		filePath: string,
		frontmatter: Record<string, unknown>,
	): Promise<ThreadResult> {
		const worker = this.thread();
		if (!worker) return Promise.reject(new ThreadUnavailable());
		clearTimeout(this.idle);
		// Held open while it has work (a build awaiting a brief is not enough to keep Node running), let go when idle.
		worker.ref();
		const id = this.next++;
		const { srcDir, ...rest } = mdx;
		const job: CompileJob = {
			id,
			shared,
			mdx: { ...rest, ...(srcDir === undefined ? {} : { srcDir: String(srcDir) }) },
			content,
			filePath,
			frontmatter,
		};
		return new Promise<ThreadResult>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			try {
				worker.postMessage(job);
			} catch (error) {
				// Options no message can carry (a function in them): this build compiles on its own thread.
				this.pending.delete(id);
				this.fail();
				reject(new ThreadUnavailable(error));
			}
		});
	}

	/** Ends the thread for good; briefs it still had are compiled on the build's thread, as are any after. */
	close(): Promise<void> {
		this.closed = true;
		return this.stop();
	}

	/** Ends the worker; the next brief starts another. */
	private async stop(): Promise<void> {
		clearTimeout(this.idle);
		const worker = this.worker;
		this.worker = undefined;
		for (const { reject } of this.pending.values()) reject(new ThreadUnavailable());
		this.pending.clear();
		await worker?.terminate();
	}

	private thread(): Worker | undefined {
		if (!this.available) return undefined;
		if (this.worker) return this.worker;
		this.worker = startWorker(new URL('./compile-worker.ts', import.meta.url), this.config, {
			message: (message: CompileReply | { card: CardText }) => this.receive(message),
			// A worker closed on purpose is no longer this one: only the one at work can fail.
			ended: (worker) => {
				if (this.worker === worker) this.fail();
			},
		});
		if (!this.worker) this.fail();
		return this.worker;
	}

	private receive(message: CompileReply | { card: CardText }): void {
		if ('card' in message) return void this.paint?.(message.card);
		const waiting = this.pending.get(message.id);
		if (!waiting) return;
		this.pending.delete(message.id);
		if (message.error) waiting.reject(rethrown(message.error));
		else waiting.resolve({ compiled: message.compiled, collected: message.collected });
		if (this.pending.size === 0) {
			this.worker?.unref();
			this.idle = setTimeout(() => void this.stop(), IDLE_MS).unref();
		}
	}

	private fail(): void {
		this.broken = true;
		void this.stop();
	}
}

/** The thread could not take the brief: compile it on the build's thread. */
export class ThreadUnavailable extends Error {
	constructor(cause?: unknown) {
		super('the compile thread is not available', { cause });
		this.name = 'ThreadUnavailable';
	}
}

/** The error the thread caught, as an Error of this thread with the same name, message, stack and properties. */
function rethrown({ name, message, stack, props }: ThrownError): Error {
	const error = new Error(message);
	Object.assign(error, props);
	error.name = name;
	if (stack) error.stack = stack;
	return error;
}
