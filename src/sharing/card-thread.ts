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
 *
 * Last sent, first drawn: a card's page draws the card itself when it is not
 * drawn yet, and where the cards are sent in the order of their pages (as
 * when the briefs' files are named in the order of their dates), the thread
 * and the pages meet in the middle instead of drawing the same cards side
 * by side.
 */
const paths = workerData as CardPaths;
const queue: string[] = [];

function next(): void {
	const svg = queue.pop();
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
