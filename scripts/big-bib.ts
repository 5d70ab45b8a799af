/**
 * Writes a large bibliography as reference managers export one, for the
 * benchmark and the parser's complexity test: Better BibTeX-style keys
 * (authorTitleYear, with a letter when two collide), biblatex fields
 * (journaltitle, date, location, langid, eprint), Zotero's abstract, keywords,
 * file and urldate fields, plain BibTeX types too (@techreport, @phdthesis),
 * @string macros, and no verification field: a library, not a curated list.
 * Made-up works; the same `count` always gives the same file.
 *
 *   node scripts/big-bib.ts 5000 /tmp/big.bib            # write it
 *   node scripts/big-bib.ts 5000 /tmp/big.bib --measure  # and time read + lint + CSL (median of 3)
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const FAMILIES = [
	'Smith',
	'Müller',
	'Zhou',
	'Okafor',
	'García',
	'Nakamura',
	'Kowalski',
	'O’Brien',
	'van der Berg',
	'Ivanova',
	'Dubois',
	'Chen',
];
const GIVEN = ['Anna', 'John', 'Wei', 'Chidi', 'María', 'Kenji', 'Piotr', 'Siobhan', 'Pieter', 'Olga', 'Élise', 'Li'];
const WORDS = [
	'digital',
	'payments',
	'platform',
	'regulation',
	'credit',
	'mobile',
	'market',
	'policy',
	'data',
	'trust',
	'network',
	'finance',
];
const JOURNALS = ['Journal of Payments', 'Review of Digital Economics', 'The China Quarterly', 'Information Economics and Policy'];
const PLACES = ['Durham and London', 'Cambridge, MA', 'Beijing', 'Oxford'];

/** A small deterministic generator, so that a size always gives the same file. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** The text of an `count`-entry bibliography. */
export function bigBibliography(count: number): string {
	const next = random(count);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const used = new Map<string, number>();
	const out = [
		'% Exported by Better BibTeX for Zotero (generated for the benchmark)\n',
		'@string{cup = {Cambridge University Press}}\n',
		'@string{jp = "Journal of " # "Payments"}\n',
	];
	for (let i = 0; i < count; i++) {
		const family = pick(FAMILIES);
		const authors = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, j) => `${j === 0 ? family : pick(FAMILIES)}, ${pick(GIVEN)}`);
		const words = Array.from({ length: 3 + Math.floor(next() * 5) }, () => pick(WORDS));
		const title = words.map((w, j) => (j === 0 || next() < 0.5 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
		const year = 1990 + Math.floor(next() * 35);
		const base = `${family.replace(/[^A-Za-zÀ-ž]/g, '').toLowerCase()}${words[0]![0]!.toUpperCase()}${words[0]!.slice(1)}${year}`;
		const seen = used.get(base) ?? 0;
		used.set(base, seen + 1);
		const key = seen === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(seen, 26))}${seen > 26 ? seen : ''}`;
		const common = [
			`  title = {${title}},`,
			`  author = {${authors.join(' and ')}},`,
			`  date = {${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}},`,
			`  abstract = {This made-up work about ${words.join(' ')} stands in for an abstract of some length, as Zotero exports one, with {braces} and an \\emph{emphasis}.},`,
			`  keywords = {${words.slice(0, 3).join(',')}},`,
			`  langid = {english},`,
			`  file = {/home/user/Zotero/storage/${i.toString(36).toUpperCase().padStart(8, 'A')}/${family} - ${year}.pdf},`,
		];
		const kind = next();
		let entry: string[];
		if (kind < 0.45) {
			entry = [
				`@article{${key},`,
				...common,
				next() < 0.3 ? '  journaltitle = jp,' : `  journaltitle = {${pick(JOURNALS)}},`,
				`  volume = {${1 + Math.floor(next() * 40)}},`,
				`  number = {${1 + Math.floor(next() * 4)}},`,
				`  pages = {${10 + (i % 90)}--${20 + (i % 90)}},`,
				`  doi = {10.5555/bench.${i}},`,
				`  urldate = {2024-01-15},`,
			];
		} else if (kind < 0.65) {
			entry = [
				`@book{${key},`,
				...common,
				next() < 0.5 ? '  publisher = cup,' : '  publisher = {Duke University Press},',
				`  location = {${pick(PLACES)}},`,
				`  isbn = {978-0-00-${String(i).padStart(6, '0')}-0},`,
			];
		} else if (kind < 0.75) {
			entry = [
				`@incollection{${key},`,
				...common,
				`  booktitle = {Handbook of ${pick(WORDS)}},`,
				`  editor = {${pick(FAMILIES)}, ${pick(GIVEN)}},`,
				'  publisher = {Routledge},',
				`  pages = {${i % 300}--${(i % 300) + 25}},`,
			];
		} else if (kind < 0.85) {
			entry = [
				`@techreport{${key},`,
				...common,
				'  institution = {Brookings Institution},',
				`  number = {${i}},`,
				`  url = {https://example.org/reports/${i}},`,
			];
		} else if (kind < 0.92) {
			entry = [
				`@online{${key},`,
				...common,
				`  eprint = {${2000 + (i % 999)}.${String(i).padStart(5, '0')}},`,
				'  eprinttype = {arxiv},',
				'  eprintclass = {econ.GN},',
			];
		} else {
			entry = [`@phdthesis{${key},`, ...common, '  school = {University of Oxford},'];
		}
		out.push(`${entry.join('\n')}\n}\n`);
	}
	return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [count, file, flag] = process.argv.slice(2);
	if (!count || !file) throw new Error('usage: node scripts/big-bib.ts <count> <file.bib> [--measure]');
	const text = bigBibliography(Number(count));
	await writeFile(path.resolve(file), text);
	console.log(`wrote ${count} entries (${(text.length / 1e6).toFixed(1)} MB) to ${file}`);
	if (flag === '--measure') {
		const { readBibliography } = await import('../src/bibliography/load.ts');
		const times: number[] = [];
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			const bibliography = readBibliography(text, file);
			times.push(performance.now() - start);
			if (run === 0) console.log(`${bibliography.sources.size} sources, ${bibliography.problems.length} problems`);
		}
		console.log(
			`read + lint + CSL: median ${times.sort((a, b) => a - b)[1]!.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
		);
	}
}
