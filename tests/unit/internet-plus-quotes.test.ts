import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { liftQuote } from '../../src/citations/evidence.ts';
import { findClusters } from '../../src/citations/syntax.ts';
import { root } from '../helpers/build.ts';

/**
 * The brief's quotations, read from its MDX with the citation parser: each
 * one attributed to the original article must be in the article word for
 * word, and no other source is quoted (the team has not read their full
 * texts). The article lives beside the repository (CI copies shared/ there).
 */
const BRIEF = path.join(root, 'content/briefs/internet-plus.mdx');
const ARTICLE_IN = (up: string) => path.resolve(root, up, 'shared/sources/internet-plus-article.txt');
/** The repository this one was cloned from, when that is a folder on this machine (a clean clone made to run CI's script). */
function origin(): string | undefined {
	try {
		const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: root, encoding: 'utf8' }).trim();
		return path.isAbsolute(url) ? url : undefined;
	} catch {
		return undefined;
	}
}
// Beside the repository; a git worktree (/work/wt/<name>) sits one folder deeper; a local clone's is beside its origin.
const from = origin();
const ARTICLE =
	[ARTICLE_IN('..'), ARTICLE_IN('../..'), ...(from ? [path.resolve(from, '../shared/sources/internet-plus-article.txt')] : [])].find(
		existsSync,
	) ?? ARTICLE_IN('..');
/** The article the brief reviews, as its bibliography names it ("The article this brief started from"). */
const ORIGINAL = 'mian';

function quotations(text: string): { key: string; quote: string; line: number }[] {
	const found: { key: string; quote: string; line: number }[] = [];
	for (const cluster of findClusters({ text, literal: (i) => text[i - 1] === '\\' })) {
		for (const item of cluster.items) {
			const lifted = liftQuote(text, item.suffix, () => '');
			// As written, between the marks: the no-break spaces of the article are kept.
			if (lifted)
				found.push({
					key: item.key,
					quote: text.slice(lifted.mark + 1, lifted.span[1] - 1),
					line: text.slice(0, lifted.mark).split('\n').length,
				});
		}
	}
	return found;
}

it('quotes the original article only, and each quotation word for word', () => {
	if (!existsSync(ARTICLE))
		throw new Error(`${ARTICLE} is missing: this test needs the shared sources folder beside the repository (../shared/sources/).`);
	const article = readFileSync(ARTICLE, 'utf8');
	const quotes = quotations(readFileSync(BRIEF, 'utf8'));
	expect(quotes.length).toBeGreaterThan(0);
	expect(quotes.filter((q) => q.key !== ORIGINAL).map((q) => `line ${q.line}: @${q.key}`)).toEqual([]);
	expect(quotes.filter((q) => !article.includes(q.quote)).map((q) => `line ${q.line}: “${q.quote}”`)).toEqual([]);
});
