import { parentPort, workerData } from 'node:worker_threads';
import { touch } from '../utils/cache-files.ts';
import { cardFile, drawCard, type CardPaths } from './card.ts';

/**
 * The painter's thread (painter.ts): draws each card it is sent into the
 * cache, unless a page has drawn it already, and says when it is done.
 * Run by Node itself (its type stripping), not by Vite.
 *
 * One card a turn of the event loop: resvg's drawings are freed by
 * finalizers that run between turns, and Node hands a thread every queued
 * message in one turn. Drawn in that turn, 150 cards held 590 MB.
 */
const paths = workerData as CardPaths;
const queue: string[] = [];

function next(): void {
	const svg = queue.shift();
	if (svg === undefined) return;
	let drawn = false;
	try {
		if (!touch(cardFile(paths, svg))) {
			drawCard(svg, paths);
			drawn = true;
		}
	} finally {
		parentPort?.postMessage(drawn);
		if (queue.length > 0) setImmediate(next);
	}
}

parentPort?.on('message', (svg: string) => {
	if (queue.push(svg) === 1) setImmediate(next);
});
