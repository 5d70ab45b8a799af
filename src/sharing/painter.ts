import type { Worker } from 'node:worker_threads';
import type { Plugin } from 'vite';
import { startWorker } from '../utils/worker.ts';
import { touch } from '../utils/cache-files.ts';
import { cardFile, cardSvg, type CardPaths, type CardText } from './card.ts';

/**
 * Draws sharing cards on a thread of their own while the build does its other
 * work. Each card cost about 40 ms on a busy machine (measured in a loop,
 * half of it resvg's PNG encoding, since replaced by png.ts: 17–20 ms a
 * card on a quiet one), so about 12 s for 300 when the pages drew them one
 * after another.
 * A brief's card is handed here as soon as its plugins have read it, and
 * held until the briefs are compiled (`start`, when the bundler is done):
 * while they are, the build's thread and the compile thread keep both cores
 * busy, and a card drawn then only slowed them. The thread then draws with
 * the core left free while Astro renders the brief pages, before the cards'
 * own route (pages/briefs/[slug]/[...card].ts, rendered after them). If the
 * thread cannot start, or has not finished a card, the page draws it as
 * before: the painter only ever saves time.
 */
export class CardPainter {
	private worker: Worker | undefined;
	private broken = false;
	private pending = 0;
	private waiting: (() => void)[] = [];
	private readonly sent = new Set<string>();
	/** Cards the thread drew in this build (not those it found drawn). */
	private drawn = 0;
	/** Cards handed over before `start`, to be sent then. */
	private held: string[] | undefined = [];

	private readonly paths: CardPaths;

	constructor(paths: CardPaths) {
		this.paths = paths;
	}

	/** Draws a card unless it is in the cache, or on its way there: once started, at once; before, when started. */
	paint(text: CardText): void {
		const svg = cardSvg(text);
		if (this.broken || this.sent.has(svg) || touch(cardFile(this.paths, svg))) return;
		this.sent.add(svg);
		if (this.held) this.held.push(svg);
		else this.send(svg);
	}

	/** Sends the cards held so far to the thread, and every card after them as it comes. */
	start(): void {
		const held = this.held;
		this.held = undefined;
		for (const svg of held ?? []) this.send(svg);
	}

	private send(svg: string): void {
		const worker = this.thread();
		if (!worker) return;
		this.pending++;
		worker.postMessage(svg);
	}

	/**
	 * Waits for the cards sent so far, then ends the thread; returns how many
	 * it drew. Cards still held (a build that never said its briefs were
	 * compiled) are left to their pages, which have drawn them by now.
	 */
	async close(): Promise<number> {
		this.held = [];
		if (this.pending > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
		const worker = this.worker;
		this.worker = undefined;
		await worker?.terminate();
		this.sent.clear();
		const drawn = this.drawn;
		this.drawn = 0;
		return drawn;
	}

	private thread(): Worker | undefined {
		if (this.worker) return this.worker;
		// A thread that fails (no type stripping in this Node, a missing font) leaves its cards to the pages.
		this.worker = startWorker(new URL('./card-thread.ts', import.meta.url), this.paths, {
			message: (drawn: boolean) => {
				if (drawn) this.drawn++;
				this.settle(1);
			},
			ended: (worker) => {
				if (this.worker === worker) this.fail();
			},
		});
		if (!this.worker) this.fail();
		return this.worker;
	}

	private fail(): void {
		this.broken = true;
		this.worker = undefined;
		this.settle(this.pending);
	}

	private settle(count: number): void {
		this.pending -= count;
		if (this.pending === 0) for (const resolve of this.waiting.splice(0)) resolve();
	}
}

/**
 * Starts the painter (`start`) when the bundler has built the pages, the
 * build that compiles every brief (Astro's `prerender` environment), and
 * before Astro renders them.
 */
export function paintAfterCompiling(painter: Pick<CardPainter, 'start'>): Plugin {
	return {
		name: 'sourced:paint-after-compiling',
		apply: 'build',
		buildEnd() {
			if (this.environment.name === 'prerender') painter.start();
		},
	};
}
