import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One public anchor of a brief, as the manifest remembers it. */
export interface AnchorRecord {
	/** heading, p, li, table, quote, fig, note or reference */
	kind: string;
	/** The start of its text, to recognise it after an edit. */
	text: string;
	/** Id of the section it stood in (blocks only). */
	section?: string;
}

export interface BriefAnchors {
	anchors: Record<string, AnchorRecord>;
	/** Published ids that now land on another anchor: old → current. */
	aliases: Record<string, string>;
	/** Published ids an author retired on purpose: they land at the top of the brief. */
	retired: string[];
}

export interface Manifest {
	$comment?: string;
	briefs: Record<string, BriefAnchors>;
}

const COMMENT =
	'Every public anchor of every brief, written by the build. Commit it. When an anchor disappears, the build keeps it as an alias of its successor, or asks you to add one to "aliases" (old id → current id) or to "retired". See README, "Links that last".';

/** Where a content folder keeps its manifest. */
export const manifestPath = (contentDir: string) => path.join(contentDir, 'anchors.json');

export const emptyBrief = (): BriefAnchors => ({ anchors: {}, aliases: {}, retired: [] });

/** The committed manifest in `file` and its text as read: an empty one, and '', before the first build. */
function readManifest(file: string): { manifest: Manifest; text: string } {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return { manifest: { briefs: {} }, text: '' };
	}
	try {
		const manifest = JSON.parse(text) as Manifest;
		for (const brief of Object.values(manifest.briefs ?? {})) {
			brief.aliases ??= {};
			brief.retired ??= [];
			brief.anchors ??= {};
		}
		return { manifest: { briefs: manifest.briefs ?? {} }, text };
	} catch (error) {
		throw new Error(
			`${path.relative(process.cwd(), file)}: not valid JSON (${(error as Error).message}). Fix it, or restore it from version control.`,
			{ cause: error },
		);
	}
}

const cache = new Map<string, { mtimeMs: number; size: number; manifest: Manifest; text: string }>();

/** The manifest in `file` and its text, read once per change of the file (its time and size); not to be changed. */
function published(file: string): { manifest: Manifest; text: string } {
	let mtimeMs = -1;
	let size = -1;
	try {
		({ mtimeMs, size } = statSync(file));
	} catch {
		// no manifest yet
	}
	let hit = cache.get(file);
	if (hit?.mtimeMs !== mtimeMs || hit.size !== size) {
		hit = { mtimeMs, size, ...readManifest(file) };
		cache.set(file, hit);
	}
	return hit;
}

/** The committed record of one brief's anchors. */
export function publishedAnchors(slug: string, file: string): BriefAnchors {
	return published(file).manifest.briefs[slug] ?? emptyBrief();
}

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
	Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** The manifest's new text, with the anchors this build found merged in, or undefined when it would not change. */
export function manifestText(builtAnchors: Map<string, BriefAnchors>, file: string): string | undefined {
	if (builtAnchors.size === 0) return undefined;
	// As the build read it to compile the briefs (each read once per change of the file), copied before it is merged into.
	const { manifest: read, text: before } = published(file);
	const manifest: Manifest = { briefs: { ...read.briefs } };
	for (const [slug, brief] of builtAnchors) manifest.briefs[slug] = brief;
	const out = {
		$comment: COMMENT,
		briefs: sorted(
			Object.fromEntries(
				Object.entries(manifest.briefs).map(([slug, b]) => [
					slug,
					{ anchors: b.anchors, aliases: sorted(b.aliases), retired: [...b.retired].sort() },
				]),
			),
		),
	};
	const text = `${JSON.stringify(out, null, '\t')}\n`;
	return before === text ? undefined : text;
}
