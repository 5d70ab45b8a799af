import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCopy, fixture } from '../helpers/build.ts';
import { distOf, ready } from '../helpers/sites.ts';

// Words only the draft (tests/fixtures/combined/briefs/secret-draft.mdx) and the source only it cites contain.
const DRAFT = [
	'secret-draft',
	'Quokkaworks',
	'zanzibarquokka',
	'quokkatopic',
	'Quokkaheading',
	'Draft Author',
	'draftonly2024',
	'Hidden, Hal',
];

/** Every file of the built site as text; Pagefind's index files are gzipped. */
function files(dir: string): [string, string][] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && !d.name.endsWith('.wasm') && !d.name.endsWith('.png'))
		.map((d) => {
			const file = path.join(d.parentPath, d.name);
			const bytes = readFileSync(file);
			const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
			return [path.relative(dir, file), (gzipped ? gunzipSync(bytes) : bytes).toString('utf8')];
		});
}

describe('a draft', () => {
	beforeAll(() => ready('combined'));

	it('is built without a trace: no page, link, search record, reference, sitemap or feed entry', () => {
		expect(existsSync(path.join(distOf('combined'), 'briefs/secret-draft'))).toBe(false);
		const all = files(distOf('combined'));
		// The check can see what it looks for: the published briefs are there, in pages, index, sitemap and feed.
		for (const where of ['index.html', 'sitemap-0.xml', 'feed.xml', 'references/plain2020~~untrusted/index.html']) {
			expect(all.find(([file]) => file === where)?.[1]).toContain('briefs/plain/');
		}
		expect(all.filter(([file]) => file.startsWith('pagefind/fragment/')).some(([, text]) => text.includes('An ordinary paragraph'))).toBe(
			true,
		);
		expect(all.flatMap(([file, text]) => DRAFT.filter((word) => text.includes(word)).map((word) => `${file}: ${word}`))).toEqual([]);
	});

	it('adds no anchors to the manifest, which the build writes into the content folder, never into the tracked fixture', () => {
		const briefs = (dir: string) =>
			Object.keys((JSON.parse(readFileSync(path.join(dir, 'anchors.json'), 'utf8')) as { briefs: object }).briefs);
		// The published briefs beside the draft are recorded; the draft is not.
		expect(briefs(contentCopy('combined'))).toEqual(expect.arrayContaining(['hostile-csp', 'plain']));
		expect(briefs(contentCopy('combined'))).not.toContain('secret-draft');
		// The tracked fixture's manifest is the one committed, untouched by the build.
		expect(briefs(fixture('combined'))).not.toContain('plain');
	});
});
