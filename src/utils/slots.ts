/**
 * Runs at most `slots` of the tasks given to it at once, in the order they
 * were given; the others wait, holding nothing but their arguments. A task
 * that fails frees its slot like one that succeeds.
 */
export function slotsOf(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
	if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be a whole number of at least 1, not ${slots}`);
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
		else running++;
		try {
			return await task();
		} finally {
			// The slot passes straight to the next task waiting, or is freed.
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}
