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

if (import.meta.url === `file://${process.argv[1]}`) {
	const [count, dir] = process.argv.slice(2);
	if (!count || !dir) throw new Error('usage: node scripts/corpus.ts <count> <dir>');
	await makeCorpus(Number(count), path.resolve(dir));
	console.log(`wrote ${count} briefs to ${dir}`);
}
