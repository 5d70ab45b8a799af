import { constants, setPriority } from 'node:os';
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
 *
 * The thread runs at the lowest priority: while briefs are compiled (on the
 * build's thread and the compile thread) both cores are busy, and a card
 * drawn then only slowed the compilation. It draws them with the core the
 * build's thread leaves free while it renders the pages. On Linux a thread's
 * priority is its own; elsewhere it would be the whole build's, so it is
 * left as it is.
 */
const paths = workerData as CardPaths;
const queue: string[] = [];

if (process.platform === 'linux') {
	try {
		setPriority(constants.priority.PRIORITY_LOW);
	} catch {
		// Not allowed here: the cards are drawn at the build's priority.
	}
}

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
