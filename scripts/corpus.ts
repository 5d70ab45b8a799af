/**
 * Writes a content folder of `count` briefs for benchmarks: copies of the
 * Internet Plus brief, each with its own slug, title and a word of its own
 * (so that the search index grows as a real site's would), sharing the
 * real bibliography.
 *
 *   node scripts/corpus.ts 300 /tmp/corpus-300
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bigBibliography } from './big-bib.ts';

const WORDS = ['atlas', 'beacon', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kelp', 'lumen'];

/** A made-up word unique to brief `i`, e.g. "cobaltfjord17". */
export const uniqueWord = (i: number) => `${WORDS[i % WORDS.length]}${WORDS[Math.floor(i / WORDS.length) % WORDS.length]}${i}`;

export async function makeCorpus(count: number, dir: string, root = process.cwd()): Promise<string> {
	const source = await readFile(path.join(root, 'content/briefs/internet-plus.mdx'), 'utf8');
	await rm(dir, { recursive: true, force: true });
	await mkdir(path.join(dir, 'briefs'), { recursive: true });
	await copyFile(path.join(root, 'content/bibliography.bib'), path.join(dir, 'bibliography.bib'));
	const pad = String(count).length;
	for (let i = 0; i < count; i++) {
		const n = String(i + 1).padStart(pad, '0');
		const brief = source
			.replace(/^title: "(.*)"$/m, `title: "$1 (copy ${n})"`)
			.replace(/^(## Key findings\n)/m, `This copy, number ${n}, is marked by the word ${uniqueWord(i)}.\n\n$1`);
		await writeFile(path.join(dir, 'briefs', `brief-${n}.mdx`), brief);
	}
	return dir;
}

/**
 * Two content folders of one short brief citing `cited` entries of a
 * generated `size`-entry library (scripts/big-bib.ts, every size/cited-th
 * entry): `library`, whose bibliography is the whole library, and `alone`,
 * whose bibliography is only the entries the brief cites. An author who
 * points a brief at their whole Zotero library should pay little for it.
 */
export async function makeLibrarySites(size: number, cited: number, dir: string): Promise<{ library: string; alone: string }> {
	if (!Number.isInteger(size) || !Number.isInteger(cited) || cited < 1 || size < cited)
		throw new Error(`a library of ${size} entries cannot have ${cited} of them cited: give a whole number of at least ${cited}`);
	const whole = bigBibliography(size);
	const chunks = whole.split(/\n(?=@)/);
	const entries = chunks.filter((entry) => /^@(?!string)/i.test(entry));
	const chosen = entries.filter((_, i) => i % Math.floor(size / cited) === 0).slice(0, cited);
	// The @string macros the chosen entries use (`journaltitle = jp,`), as the library defines them.
	const macros = chunks.filter((chunk) => {
		const name = /^@string\{(\w+)\s*=/i.exec(chunk)?.[1];
		return name !== undefined && chosen.some((entry) => new RegExp(`=\\s*${name}\\s*[,#]`).test(entry));
	});
	const keys = chosen.map((entry) => /^@\w+\{([^,]+),/.exec(entry)![1]!);
	const brief = [
		'---',
		'title: "A brief citing a few works of a large library"',
		'summary: "One paragraph for each of ten works, cited from a library of thousands."',
		'authors:',
		'  - name: Sourced editorial team',
		'published: 2026-11-29',
		'---',
		'',
		...keys.flatMap((key, i) => [`## Work ${i + 1}`, '', `This section rests on one work [@${key}, p. ${i + 3}].`, '']),
	].join('\n');
	const library = path.join(dir, `library-${size}`);
	const alone = path.join(dir, `library-${size}-cited`);
	for (const [folder, bib] of [
		[library, whole],
		[alone, [...macros, ...chosen].join('\n')],
	] as const) {
		await rm(folder, { recursive: true, force: true });
		await mkdir(path.join(folder, 'briefs'), { recursive: true });
		await writeFile(path.join(folder, 'bibliography.bib'), bib);
		await writeFile(path.join(folder, 'briefs', 'library.mdx'), brief);
	}
	return { library, alone };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [count, dir] = process.argv.slice(2);
	if (!count || !dir) throw new Error('usage: node scripts/corpus.ts <count> <dir>');
	await makeCorpus(Number(count), path.resolve(dir));
	console.log(`wrote ${count} briefs to ${dir}`);
}
