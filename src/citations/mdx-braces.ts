/**
 * Pandoc citation forms that MDX cannot carry: in MDX a `{` starts a
 * JavaScript expression, so `[@smith{ii, A, D-Z}]`, `[@smith, {pp. iv}]`,
 * `[@smith{}, 4]` and `@{https://…}` fail in MDX's parser ("Could not parse
 * expression with acorn", "ii is not defined") before any remark plugin sees
 * them. This reads the raw source first and names each one:
 *
 *   briefs/x.mdx:12:15: MDX reads "{" as the start of a JavaScript expression, so the Pandoc
 *   citation [@smith{ii, A, D-Z}] cannot be written as it is. Escape the braces: [@smith\{ii, A, D-Z\}].
 */
export interface BraceProblem {
	line: number;
	column: number;
	message: string;
}

const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;

export function bracedCitations(source: string): BraceProblem[] {
	const problems: BraceProblem[] = [];
	const lines = source.split('\n');
	let inFence: string | undefined;
	let inFrontmatter = lines[0]?.trim() === '---';
	lines.forEach((text, index) => {
		if (inFrontmatter) {
			if (index > 0 && text.trim() === '---') inFrontmatter = false;
			return;
		}
		const fence = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
		if (fence && (!inFence || fence.startsWith(inFence))) {
			inFence = inFence ? undefined : fence;
			return;
		}
		if (inFence) return;
		// A line without both can hold no such brace: most lines, and most of the time this takes on a site's briefs.
		if (!text.includes('{') || !text.includes('@')) return;
		const code = codeSpans(text);
		for (const at of bracesInCitations(text, code)) {
			const snippet = citationAround(text, at);
			const escaped = snippet.replace(/(?<!\\)([{}])/g, '\\$1');
			problems.push({
				line: index + 1,
				column: at + 1,
				message:
					`MDX reads "{" as the start of a JavaScript expression, so the Pandoc citation ${snippet} cannot be written as it is. ` +
					`Escape the braces: ${escaped}${snippet.includes('@{') ? '' : ' (or write the locator after a comma, without braces)'}.`,
			});
		}
	});
	return problems;
}

/** Offsets of `{` that follow `@` or a key, or stand in a bracketed cluster after a key; escaped braces and code are left alone. */
function bracesInCitations(text: string, code: boolean[]): number[] {
	const found = new Set<number>();
	const live = (i: number) => !code[i] && text[i - 1] !== '\\';
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '@' || !live(i) || /[\p{L}\p{N}_]/u.test(text[i - 1] ?? '')) continue;
		let j = i + 1;
		while (j < text.length && KEY_CHAR.test(text[j]!)) j++;
		if (text[j] === '{' && live(j)) found.add(j);
		// Inside a cluster: any brace before its closing bracket.
		const open = text.lastIndexOf('[', i);
		const close = text.indexOf(']', i);
		if (open < 0 || close < 0 || text.slice(open, i).includes(']')) continue;
		for (let k = j; k < close; k++) if (text[k] === '{' && live(k)) found.add(k);
	}
	return [...found].sort((a, b) => a - b);
}

/** Which characters of a line are inside `code` spans. */
function codeSpans(text: string): boolean[] {
	const inside = new Array<boolean>(text.length).fill(false);
	const spans = /(`+)[\s\S]*?\1/g;
	for (const match of text.matchAll(spans)) for (let i = match.index; i < match.index + match[0].length; i++) inside[i] = true;
	return inside;
}

/** The bracketed cluster (or bare citation) holding the brace, as the author wrote it. */
function citationAround(text: string, at: number): string {
	const open = text.lastIndexOf('[', at);
	const close = text.indexOf(']', at);
	if (open >= 0 && close > at && !text.slice(open, at).includes(']')) return text.slice(open, close + 1);
	const start = text.lastIndexOf('@', at);
	let end = at;
	for (let depth = 0; end < text.length; end++) {
		if (text[end] === '{') depth++;
		if (text[end] === '}' && --depth === 0) break;
	}
	return text.slice(start, end + 1);
}

/** A Vite plugin that fails on such forms in `.mdx` files before MDX parses them, naming every one. */
export function mdxBracedCitations(display: (file: string) => string) {
	return {
		name: 'sourced:mdx-braced-citations',
		enforce: 'pre' as const,
		// A hook filter: the bundler calls it for .mdx files only, not for every module of the site.
		transform: {
			filter: { id: /\.mdx(?:$|\?)/ },
			handler(code: string, id: string) {
				const file = id.split('?')[0]!;
				const problems = bracedCitations(code);
				if (problems.length === 0) return null;
				const lines = problems.map((p) => `${display(file)}:${p.line}:${p.column}: ${p.message}`);
				throw new Error(`Citation error${lines.length > 1 ? 's' : ''}:\n  ${lines.join('\n  ')}`);
			},
		},
	};
}
