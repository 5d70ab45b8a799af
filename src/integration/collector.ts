import type { Root } from 'hast';
import type { Transformer } from 'unified';
import type { DataMap, VFile } from 'vfile';
import type { BriefAnchors } from '../anchors/manifest.ts';
import type { CitingBrief } from '../sources/model.ts';

export type Collected = { [K in 'anchors' | 'cited' | 'sources' | 'warnings' | 'unrecordedAccess']?: DataMap[K] | undefined };

/**
 * What the Markdown plugins found in the briefs of one build, for its
 * hooks: handed over by the last plugin from each brief's `file.data`
 * (plugins/file-data.d.ts). One per `sourced()` call, so two builds in one
 * process never see each other's briefs. A brief compiled again (in
 * `astro dev`) replaces what it left before.
 */
export class BuildCollector {
	private readonly files = new Map<string, Collected>();

	/** Takes what one brief's plugins left for the build (and nothing else, e.g. not its formatted citations). */
	add(file: VFile): void {
		const { anchors, cited, sources, warnings, unrecordedAccess } = file.data;
		this.files.set(file.path, { anchors, cited, sources, warnings, unrecordedAccess });
	}

	/** What one brief's plugins left, as `add` took it (plugins/mdx-cache.ts keeps it with the compiled brief). */
	of(file: string): Collected | undefined {
		return this.files.get(file);
	}

	/** Lets go of what a brief's plugins left (the compile thread, once it has sent it to the build: plugins/compile-worker.ts). */
	forget(file: string): void {
		this.files.delete(file);
	}

	/** Takes again what a brief's plugins left on an earlier build, when its compiled module is reused (plugins/mdx-cache.ts). */
	restore(file: string, collected: Collected): void {
		this.files.set(file, collected);
	}

	/** Each brief's anchors, by slug (drafts have none). */
	anchors(): Map<string, BriefAnchors> {
		return new Map([...this.files.values()].flatMap(({ anchors }) => (anchors ? [[anchors.slug, anchors.record] as const] : [])));
	}

	/** Which keys of which bibliography the briefs cite. */
	cited(): Map<string, Set<string>> {
		const cited = new Map<string, Set<string>>();
		for (const { cited: found } of this.files.values()) {
			if (!found) continue;
			const keys = cited.get(found.bibliography) ?? new Set();
			for (const key of found.keys) keys.add(key);
			cited.set(found.bibliography, keys);
		}
		return cited;
	}

	/** Each brief as the source model reads it (where it cites what), by page path (`/briefs/<slug>/`). */
	sources(): Map<string, CitingBrief> {
		return new Map([...this.files.values()].flatMap(({ sources }) => (sources ? [[sources.page, sources.brief] as const] : [])));
	}

	/** Every warning about the briefs, file by file. */
	warnings(): string[] {
		return [...this.files.values()].flatMap(({ warnings }) => warnings ?? []);
	}

	/** Cited web sources with neither an access date nor an archived copy, by key, once each. */
	unrecordedAccess(): string[] {
		return [...new Set([...this.files.values()].flatMap(({ unrecordedAccess }) => unrecordedAccess ?? []))].sort();
	}
}

/** The last plugin of the pipeline: hands what the others left on the file to the build. */
export function rehypeCollect(collector: BuildCollector): () => Transformer<Root> {
	return () => (_tree, file) => collector.add(file);
}
