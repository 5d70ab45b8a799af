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
		// Two files at once, whatever the core count (Vitest's default, one fewer than the cores, is one on a two-core machine):
		// a browser file spends most of its time waiting on Chromium, which leaves the other core to a second file.
		maxWorkers: 2,
		// The pure cores, which the unit tests cover on their own: `npm test` measures and enforces it over the unit layer alone
		// (`vitest run --project unit --coverage`; the build layer's in-process builds would otherwise count as covering them),
		// then runs the build and browser layers without coverage slowing the workers that run Astro and Chromium.
		// Istanbul's counters are compiled into the files measured alone, where V8's precise coverage counts in every function
		// the tests run, Astro's, unified's and citeproc's too: the unit layer with coverage, three alternating pairs on one worker,
		// took 15.2, 17.0 and 19.9 CPU s against 18.7, 20.9 and 20.7 with V8's, for the same figures to a tenth of a percent.
		coverage: {
			provider: 'istanbul',
			include: ['src/bibliography/**/*.ts', 'src/citations/**/*.ts', 'src/anchors/**/*.ts', 'src/utils/**/*.ts'],
			reporter: ['text-summary'],
			reportsDirectory: 'tests/.out/coverage',
			// What the unit tests reach today, less a little room (lines 92.7 %, statements 89.7 %, functions 86.8 %, branches 82.7 %).
			thresholds: { lines: 89, statements: 86, functions: 82, branches: 79 },
		},
		projects: [
			// Generous for a busy machine: a unit test that waits is slow, never stuck.
			// The test files share their workers' modules (isolate: false): none mocks a module or keeps state between files, and
			// loading Astro's and unified's modules again for every file took two seconds a file.
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, isolate: false } },
			{
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					isolate: false,
					provide: { buildRun },
					testTimeout: 120_000,
					hookTimeout: 600_000,
				},
			},
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					isolate: false,
					provide: { buildRun },
					testTimeout: 60_000,
					hookTimeout: 600_000,
					// A condition awaited in the page (a module loaded on first use, a toast) may take seconds when two browser files
					// share two cores; expect.poll's default of one second made that a failure. Waiting longer costs only a failing test time.
					expect: { poll: { timeout: 15_000 } },
				},
			},
		],
	},
});
