import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixture, outRoot } from '../helpers/build.ts';

const content = path.join(outRoot, 'anchors-content');
const brief = path.join(content, 'briefs/links.mdx');
const manifest = path.join(content, 'anchors.json');

async function build(name: string) {
	const result = await buildSite(name, content);
	const html = result.code === 0 ? await readFile(path.join(result.outDir, 'briefs/links/index.html'), 'utf8') : '';
	return { ...result, doc: parseHTML(html).document };
}

async function edit(change: (text: string) => string) {
	await writeFile(brief, change(await readFile(brief, 'utf8')));
}

describe('links that last: the anchor manifest', () => {
	let published: Awaited<ReturnType<typeof build>>;
	let ambiguous: Awaited<ReturnType<typeof build>>;
	let edited: Awaited<ReturnType<typeof build>>;
	let editedManifest: { briefs: Record<string, { anchors: Record<string, unknown>; aliases: Record<string, string> }> };
	let publishedManifest: { briefs: Record<string, { anchors: Record<string, { kind: string }>; aliases: Record<string, string> }> };

	// Three builds, each showing what only a build can: the manifest it writes, the page it makes, the build it stops.
	beforeAll(async () => {
		await rm(content, { recursive: true, force: true });
		await cp(fixture('anchors'), content, { recursive: true });
		published = await build('anchors-published');
		publishedManifest = JSON.parse(await readFile(manifest, 'utf8'));

		// Rename a heading, edit a paragraph, and insert one before it; and remove a paragraph that nothing resembles.
		await edit((text) =>
			text
				.replace('## Digital payments', '## Mobile payments')
				.replace(
					'Merchants adopted printed QR codes because they cost almost nothing to set up.',
					'Shops took up printed QR codes, since they cost almost nothing to set up and to run.',
				)
				.replace('## Mobile payments\n\n', '## Mobile payments\n\nA new opening paragraph about how this section is organised.\n\n')
				.replace('Later rules required platforms to hold customer funds with the central bank.', 'Zebras graze.'),
		);
		ambiguous = await build('anchors-ambiguous');

		// The author maps the removed paragraph, as the message asks.
		const record = JSON.parse(await readFile(manifest, 'utf8')) as typeof editedManifest;
		record.briefs['links']!.aliases['regulation-p2'] = 'regulation';
		await writeFile(manifest, JSON.stringify(record));
		edited = await build('anchors-edited');
		editedManifest = JSON.parse(await readFile(manifest, 'utf8'));
	}, 600_000);

	it('records every public anchor of the brief, by kind', () => {
		expect(published.code, published.output).toBe(0);
		const anchors = publishedManifest.briefs['links']!.anchors;
		expect(Object.entries(anchors).map(([id, a]) => `${a.kind} ${id}`)).toEqual([
			'heading digital-payments',
			'p digital-payments-p1',
			'p digital-payments-p2',
			'heading regulation',
			'p regulation-p1',
			'p regulation-p2',
			'heading references',
			'reference bib-klein2020',
		]);
	});

	it('stops the build when a removed anchor has no clear successor, naming it and saying what to do', () => {
		expect(ambiguous.code).not.toBe(0);
		expect(ambiguous.output).toMatch(
			/links\.mdx: the published anchor #regulation-p2 \(p: "later rules required platforms to hold customer funds with.*?…"\) is gone, and no anchor is clearly its successor \(closest: (#[\w-]+ \(0\.\d\d\), )*#regulation-p3 \(0\.\d\d\)\)\. In .*anchors\.json, under briefs → "links", map it in "aliases" \(e\.g\. "regulation-p2": "[\w-]+"\) or list it in "retired"\./,
		);
	});

	it('keeps the old heading id working on the renamed heading', () => {
		expect(edited.code, edited.output).toBe(0);
		const heading = edited.doc.getElementById('mobile-payments');
		expect(heading?.querySelector('#digital-payments.anchor-alias')).not.toBeNull();
	});

	it('keeps a published paragraph id on the same paragraph after an edit and an insertion before it', () => {
		expect(edited.doc.getElementById('digital-payments-p2')?.textContent).toContain('Shops took up printed QR codes');
		expect(edited.doc.getElementById('digital-payments-p1')?.textContent).toContain('Mobile payments spread');
		// The new paragraph is named after its (renamed) section and place, never a published id.
		expect(edited.doc.getElementById('mobile-payments-p1')?.textContent).toContain('A new opening paragraph');
	});

	it('writes the aliases into the manifest: the one it found and the one the author mapped', () => {
		expect(editedManifest.briefs['links']!.aliases).toEqual({ 'digital-payments': 'mobile-payments', 'regulation-p2': 'regulation' });
		expect(Object.keys(editedManifest.briefs['links']!.anchors)).toContain('mobile-payments-p1');
	});

	it('lands a mapped anchor where the author said', () => {
		expect(edited.doc.querySelector('#regulation > #regulation-p2.anchor-alias')).not.toBeNull();
		expect(edited.doc.querySelector('#mobile-payments > #digital-payments.anchor-alias')).not.toBeNull();
	});
});
