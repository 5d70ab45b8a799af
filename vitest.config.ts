import { defineConfig } from 'vitest/config';

declare module 'vitest' {
	export interface ProvidedContext {
		/** This run of the tests: sites are built once per run (tests/helpers/sites.ts). */
		buildRun: string;
	}
}

const buildRun = `${Date.now()}-${process.pid}`;

// Three layers: plugins through Astro's own MDX renderer and pure functions (no build); real Astro builds
// over fixture content, each site built once per run by the first test file that reads it; real Chromium on
// the built sites. A build a test file awaits in its beforeAll may take minutes on a busy machine.
export default defineConfig({
	test: {
		provide: { buildRun },
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					provide: { buildRun },
					testTimeout: 120_000,
					hookTimeout: 600_000,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					provide: { buildRun },
					testTimeout: 60_000,
					hookTimeout: 600_000,
					fileParallelism: false,
				},
			},
		],
	},
});
