import { parentPort, workerData } from 'node:worker_threads';
import { mapPackageFolders } from '../utils/package-folders.ts';
import type { AstroMarkdownOptions, MdxRendererOptions } from '@astrojs/internal-helpers/markdown';
import type { SourcedConfig } from '../integration/config.ts';
import type { CardText } from '../sharing/card.ts';
import type { CompileJob, CompileReply, ThrownError } from './compile-thread.ts';

/**
 * The compile thread's side (compile-thread.ts): the build's own Markdown
 * pipeline (plugins/index.ts, with Astro's MDX renderer around it), run by
 * Node itself (its type stripping), not by Vite. Each brief it is sent is
 * compiled as the build's thread would compile it, with a citation stage of
 * its own over the same cache folder; what the plugins left for the build
 * (the collector's part of `file.data`) goes back with the module, and each
 * sharing card a plugin asks for goes to the build's painter at once.
 */
mapPackageFolders();

const { markdownProcessor } = await import('./index.ts');
const { COMPILE_SLOTS } = await import('./mdx-cache.ts');
const { slotsOf } = await import('../utils/slots.ts');
const { BuildCollector } = await import('../integration/collector.ts');
const { CitationStage } = await import('../citations/stage.ts');
const { codeVersion } = await import('../utils/code-version.ts');

const config = workerData as SourcedConfig;
const collector = new BuildCollector();
const stage = new CitationStage({
	cacheDir: config.paths.cache,
	root: config.paths.root,
	locale: config.citations.locale,
	code: codeVersion(config.paths.root),
});
// A card asked for goes to the build's painter at once, as the build's thread would send it.
const processor = markdownProcessor({
	config,
	stage,
	collector,
	painter: { paint: (card: CardText) => parentPort!.postMessage({ card }) },
});

type Renderer = Awaited<ReturnType<NonNullable<typeof processor.createMdxRenderer>>>;
const renderers = new Map<string, Promise<Renderer>>();

function rendererFor(shared: AstroMarkdownOptions, { srcDir, ...mdx }: CompileJob['mdx']): Promise<Renderer> {
	const key = JSON.stringify({ shared, mdx, srcDir });
	let renderer = renderers.get(key);
	if (!renderer) {
		const options: MdxRendererOptions = { ...mdx, ...(srcDir === undefined ? {} : { srcDir: new URL(srcDir) }) };
		renderer = processor.createMdxRenderer!(shared, options);
		// One that failed to be made is made again for the next brief, as MDX's own plugin does.
		renderer.catch(() => renderers.delete(key));
		renderers.set(key, renderer);
	}
	return renderer;
}

/** An error as the build's thread would have seen it thrown: its name, message, stack and every property of its own (MDX's line and column, Astro's hint). */
function thrown(error: unknown): ThrownError {
	if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
	const props: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(error)) if (cloneable(value)) props[key] = value; // else left out: no message can carry it
	// `cause` is an own property no enumeration finds.
	if ('cause' in error && !('cause' in props)) props['cause'] = cloneable(error.cause) ? error.cause : String(error.cause);
	return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), props };
}

function cloneable(value: unknown): boolean {
	try {
		structuredClone(value);
		return true;
	} catch {
		return false;
	}
}

// Two briefs compile at a time, as on the build's thread (COMPILE_SLOTS): the others wait as text, not as trees.
const slot = slotsOf(COMPILE_SLOTS);

parentPort!.on('message', (job: CompileJob) => {
	void slot(async (): Promise<CompileReply> => {
		try {
			const renderer = await rendererFor(job.shared, job.mdx);
			const compiled = await renderer.process(job.content, job.filePath, job.frontmatter);
			return { id: job.id, compiled, collected: collector.of(job.filePath) };
		} catch (error) {
			return { id: job.id, error: thrown(error) };
		} finally {
			collector.forget(job.filePath);
		}
	}).then((reply) => parentPort!.postMessage(reply));
});
