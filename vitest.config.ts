import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** This run of the tests: sites are built once per run (tests/helpers/sites.ts). */
		buildRun: string;
	}
}

const buildRun = `${Date.now()}-${process.pid}`;

/** The build files that build sites of their own (fixtures built, edited and built again; builds in a child process). */
const OWN_BUILDS = /\/tests\/build\/(anchors|incremental|safe-build)\.test\.ts$/;

/**
 * The order of the build and browser files, each group in Vitest's own order
 * (longest first by the last run's times, largest first in a fresh clone):
 * the first browser file, which builds the real site; the build files that
 * build sites of their own, which wait for that build and then take turns
 * with the builds (one at a time, tests/helpers/build.ts) while the other
 * worker drives Chromium; the other browser files, the long ones (up to 25 s
 * each); the other build files last, a few seconds each, reading the sites
 * already built. With every browser file first, the own builds ran last,
 * one worker building while the other had nothing left: the two layers
 * took 79.7–83.2 s against 76.7–80.2 s this way, four alternating runs each
 * from a fresh clone's order.
 */
class BuildsBesideChromium extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const browser = sorted.filter((file) => file.moduleId.includes('/tests/browser/'));
		const own = sorted.filter((file) => OWN_BUILDS.test(file.moduleId));
		const rest = sorted.filter((file) => !browser.includes(file) && !own.includes(file));
		return [...browser.slice(0, 1), ...own, ...browser.slice(1), ...rest];
	}
}

export default defineConfig({
	test: {
		provide: { buildRun },
		// Two files at once, whatever the core count (Vitest's default, one fewer than the cores, is one on a two-core machine):
		// a browser file spends most of its time waiting on Chromium, which leaves the other core to a second file.
		maxWorkers: 2,
		sequence: { sequencer: BuildsBesideChromium },
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
					// The build and browser layers, one project: its two workers keep Astro's modules, which both layers load. As two
					// projects, each layer started workers of its own, each loading them again (2.1 CPU s a worker): the two layers alone
					// took 83.4 and 85.4 s (83–84 CPU s counted by `time`) against 80.2 and 77.5 s (76–80), two alternating pairs from a
					// fresh clone's order.
					// Run one layer alone by its folder: `npx vitest run tests/browser`.
					name: 'site',
					include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
					isolate: false,
					provide: { buildRun },
					// Generous for a busy machine: a test that runs a build of its own may take a minute or two.
					testTimeout: 120_000,
					hookTimeout: 600_000,
					// A condition awaited in the page (a module loaded on first use, a toast) may take seconds when two browser files
					// share two cores; expect.poll's default of one second made that a failure. Waiting longer costs only a failing test time.
					expect: { poll: { timeout: 15_000 } },
				},
			},
		],
	},
});
