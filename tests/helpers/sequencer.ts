import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Build test files that run builds of their own (besides the shared sites of
 * helpers/sites.ts): the anchor manifest's three, the failing `npm run build`,
 * the offline and warm rebuilds, and the site whose frontmatter stops the build.
 */
const OWN_BUILDS = ['anchors', 'safe-build', 'reproducible', 'citations'].map((name) => `/tests/build/${name}.test.ts`);

/**
 * The order the two workers take test files in. Builds run one at a time
 * (helpers/build.ts), so a worker that asks for a build while the other builds
 * waits idle; Vitest's own order (each project's longest files first: browser,
 * build, then unit) left a worker waiting at both ends of a run: on the first
 * site at the start, and on the build files' builds at the end.
 * Here the longest browser file goes first (it builds the real site), the unit
 * tests fill the other worker meanwhile, the files with builds of their own
 * alternate with browser files, and the build files that only read the shared
 * sites, quick once those are built, end the run.
 */
export class BuildsBesideBrowsers extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const of = (project: string) => sorted.filter((spec) => spec.project.name === project);
		const ownBuilds = of('build').filter((spec) => OWN_BUILDS.some((name) => spec.moduleId.endsWith(name)));
		const readers = of('build').filter((spec) => !ownBuilds.includes(spec));
		const [first, ...browsers] = of('browser');
		const order: TestSpecification[] = [...(first ? [first] : []), ...of('unit')];
		while (browsers.length || ownBuilds.length) order.push(...ownBuilds.splice(0, 1), ...browsers.splice(0, 1));
		order.push(...readers);
		// Any other project, as Vitest orders it.
		return [...order, ...sorted.filter((spec) => !order.includes(spec))];
	}
}
