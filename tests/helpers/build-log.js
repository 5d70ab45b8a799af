import { appendFileSync } from 'node:fs';

/**
 * An Astro logger (the `logger` option, loaded by its path) that appends
 * every message of a build to `config.file`, as the CLI prints them without
 * colours, so that a build run in-process (build.ts) keeps its output.
 *
 * @param {{ file: string }} config
 */
export default function buildLog(config) {
	return {
		/** @param {{ label: string | null; level: string; message: string; newLine: boolean }} event */
		write(event) {
			const prefix =
				event.label === 'SKIP_FORMAT'
					? ''
					: `${event.level === 'info' ? '' : `[${event.level.toUpperCase()}] `}${event.label ? `[${event.label}] ` : ''}`;
			appendFileSync(config.file, `${prefix}${event.message}${event.newLine ? '\n' : ''}`);
		},
	};
}
