import { Worker } from 'node:worker_threads';

/**
 * A worker thread of the build (`url`, run by Node's own type stripping),
 * which does not keep the process running by itself. `ended` is called with
 * it if it fails or exits; `undefined` if it cannot start at all (a Node
 * without type stripping).
 */
export function startWorker<T>(
	url: URL,
	workerData: unknown,
	{ message, ended }: { message: (message: T) => void; ended: (worker: Worker) => void },
): Worker | undefined {
	try {
		const worker = new Worker(url, { workerData });
		worker.on('message', message);
		worker.on('error', () => ended(worker));
		worker.on('exit', () => ended(worker));
		worker.unref();
		return worker;
	} catch {
		return undefined;
	}
}
