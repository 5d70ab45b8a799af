/**
 * Pandoc's citation syntax (the `citations` extension of its Markdown
 * reader), read from the text of one run of inline content:
 *
 *   [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]   a cluster: prefix, key, suffix per item
 *   [-@smith04]                                               suppress the author
 *   @smith04 says                                             author in text
 *   @smith04 [p. 33]  ·  @smith04 [-@b p. 30; see also @c]    … with a suffix, or with more citations
 *   @{https://example.com/x}  ·  @Foo_bar.baz.                braced keys; trailing punctuation is not key
 *
 * Inline nodes (emphasis, code) stand in the run as one U+FFFC each, so a
 * suffix may hold them; characters the author escaped (`\@`, `\[`) are
 * `literal` and never start or close a citation. The locator is split from
 * the suffix later (parse-locator.ts), with the locale's terms.
 */

/** One character in the run that is an inline node (emphasis, code, a link), not text. */
export const INLINE = '\uFFFC';

export interface Run {
	text: string;
	/** Whether the character at an index was escaped in the source, and so is text. */
	literal: (index: number) => boolean;
}

export interface CiteItem {
	key: string;
	/** Offsets in the run of the `@` and of the end of the key. */
	at: number;
	keyEnd: number;
	suppressAuthor: boolean;
	/** The item is the author in the text: `@key says`. */
	narrative: boolean;
	/** Run offsets [start, end) of the prefix and of the suffix (locator included), trimmed as Pandoc trims them. */
	prefix: [number, number];
	suffix: [number, number];
	/** Pandoc keeps one space before a suffix written after one (`[@a and more]`). */
	spaceBeforeSuffix: boolean;
}

export interface Cluster {
	start: number;
	end: number;
	items: CiteItem[];
}

const WORD = /[\p{L}\p{N}_]/u;
const INTERNAL = ':.#$%&-+?<>~/';

/** Every citation in the run, in order. */
export function findClusters(run: Run): Cluster[] {
	const parser = new Parser(run);
	const clusters: Cluster[] = [];
	for (let i = 0; i < run.text.length; i++) {
		const char = run.text[i];
		if (run.literal(i) || (char !== '[' && char !== '@')) continue;
		const cluster = char === '[' ? parser.normal(i) : parser.textual(i);
		if (!cluster) continue;
		clusters.push(cluster);
		i = cluster.end - 1;
	}
	return clusters;
}

class Parser {
	private readonly run: Run;

	constructor(run: Run) {
		this.run = run;
	}

	private get text() {
		return this.run.text;
	}
	private is(at: number, chars: string): boolean {
		const char = this.text[at];
		return char !== undefined && chars.includes(char) && !this.run.literal(at);
	}
	private isSpace = (at: number) => this.text[at] === ' ' || this.text[at] === '\t' || this.text[at] === '\u00a0';

	/** Spaces with at most one line break among them (Pandoc's `spnl`). */
	private spnl(at: number): number {
		let pos = at;
		while (this.isSpace(pos)) pos++;
		if (this.text[pos] === '\n') {
			pos++;
			while (this.isSpace(pos)) pos++;
			if (this.text[pos] === '\n') return at;
		}
		return pos;
	}

	/** `[prefix @key suffix; …]` */
	normal(at: number): Cluster | undefined {
		const list = this.list(this.spnl(at + 1));
		if (!list) return undefined;
		const end = this.spnl(list.end);
		if (!this.is(end, ']')) return undefined;
		return { start: at, end: end + 1, items: list.items };
	}

	/** `@key`, `@key [suffix]`, `@key [suffix; @more]`, `@key [@more]`. */
	textual(at: number): Cluster | undefined {
		const key = this.key(at, false);
		if (!key) return undefined;
		const first: CiteItem = {
			...key,
			suppressAuthor: false,
			narrative: true,
			prefix: [at, at],
			suffix: [key.keyEnd, key.keyEnd],
			spaceBeforeSuffix: false,
		};
		const after = this.spnl(key.keyEnd);
		const more = this.text[after] === '[' ? this.normal(after) : undefined;
		if (more) return { start: at, end: more.end, items: [first, ...more.items] };
		const bare = this.bareSuffix(after);
		if (bare) return { start: at, end: bare.end, items: [{ ...first, suffix: bare.suffix }, ...bare.items] };
		return { start: at, end: key.keyEnd, items: [first] };
	}

	/** `[p. 33]` or `[p. 33; @more]` after an author-in-text citation; not a footnote (`[^1]`) or a link (`][`, `](`). */
	private bareSuffix(at: number): { suffix: [number, number]; items: CiteItem[]; end: number } | undefined {
		if (!this.is(at, '[') || this.text[at + 1] === '^') return undefined;
		const suffix = this.suffix(at + 1);
		if (!suffix) return undefined;
		let items: CiteItem[] = [];
		let pos = suffix.end;
		if (this.is(pos, ';')) {
			const list = this.list(pos + 1);
			if (!list) return undefined;
			items = list.items;
			pos = list.end;
		}
		pos = this.spnl(pos);
		if (!this.is(pos, ']') || '[('.includes(this.text[pos + 1] ?? '\0')) return undefined;
		return { suffix: suffix.range, items, end: pos + 1 };
	}

	/** Citations separated by `;`. */
	private list(at: number): { items: CiteItem[]; end: number } | undefined {
		const items: CiteItem[] = [];
		let pos = at;
		for (;;) {
			const item = this.item(pos);
			if (!item) return undefined;
			items.push(item.item);
			pos = item.end;
			if (!this.is(pos, ';')) return { items, end: pos };
			pos = this.spnl(pos + 1);
		}
	}

	/**
	 * `prefix -@key suffix`; a prefix ends at a key, and never spans a `;` or
	 * `]`, except inside brackets of its own (`[see [a] @key]`), which it
	 * skips as Pandoc does: in `[see [@key]]` the citation is the inner one.
	 */
	private item(at: number): { item: CiteItem; end: number } | undefined {
		let pos = at;
		let key: ReturnType<Parser['key']>;
		while (!(key = this.key(pos, true))) {
			if (pos >= this.text.length || this.is(pos, '];')) return undefined;
			if (this.is(pos, '[')) {
				const after = this.closing(pos);
				if (after === undefined) return undefined;
				pos = after;
			} else pos++;
		}
		const suffix = this.suffix(key.keyEnd);
		if (!suffix) return undefined;
		return {
			item: {
				key: key.key,
				at: key.at,
				keyEnd: key.keyEnd,
				suppressAuthor: key.suppressAuthor,
				narrative: false,
				prefix: this.trim(at, pos),
				suffix: suffix.range,
				spaceBeforeSuffix: suffix.space,
			},
			end: suffix.end,
		};
	}

	/** Everything up to the next `;` or `]` not inside brackets of its own (`[@key, see [a] here]`), trimmed; a space before it is kept as one. */
	private suffix(at: number): { range: [number, number]; space: boolean; end: number } | undefined {
		const space = this.isSpace(at) || this.text[at] === '\n';
		let pos = at;
		while (pos < this.text.length && !this.is(pos, ';]')) {
			if (this.is(pos, '[')) {
				const after = this.closing(pos);
				if (after === undefined) return undefined;
				pos = after;
			} else pos++;
		}
		if (pos >= this.text.length) return undefined;
		const range = this.trim(at, pos);
		return { range, space: space && range[1] > range[0], end: pos };
	}

	/** Just after the `]` closing the `[` at `at`, brackets nested and escaped ones text; undefined if it is never closed. */
	private closing(at: number): number | undefined {
		let depth = 0;
		for (let pos = at; pos < this.text.length; pos++) {
			if (this.is(pos, '[')) depth++;
			else if (this.is(pos, ']') && --depth === 0) return pos + 1;
		}
		return undefined;
	}

	private trim(start: number, end: number): [number, number] {
		let from = start;
		let to = end;
		while (from < to && /\s/.test(this.text[from]!)) from++;
		while (to > from && /\s/.test(this.text[to - 1]!)) to--;
		return [from, to];
	}

	/**
	 * `@key` or `-@key` (`-` only inside brackets), not straight after a
	 * letter or digit (an e-mail address). A key starts with a letter, digit
	 * or `_` and may hold single `:.#$%&-+?<>~/` between them; `@{…}` may hold
	 * anything but spaces, braces balanced.
	 */
	private key(at: number, inBrackets: boolean) {
		let pos = at;
		if (pos > 0 && WORD.test(this.charBefore(pos))) return undefined;
		const suppressAuthor = inBrackets && this.is(pos, '-');
		if (suppressAuthor) pos++;
		if (!this.is(pos, '@')) return undefined;
		const sign = pos++;
		if (this.text[pos] === '{') {
			let depth = 0;
			let end = pos;
			for (; end < this.text.length; end++) {
				const char = this.text[end]!;
				if (/\s/.test(char)) return undefined;
				if (char === '{') depth++;
				if (char === '}' && --depth === 0) break;
			}
			if (end >= this.text.length || end === pos + 1) return undefined;
			return { key: this.text.slice(pos + 1, end), at: suppressAuthor ? sign - 1 : sign, keyEnd: end + 1, suppressAuthor };
		}
		const start = pos;
		if (!this.wordAt(pos)) return undefined;
		pos += this.charLength(pos);
		for (;;) {
			if (this.wordAt(pos)) pos += this.charLength(pos);
			else if (INTERNAL.includes(this.text[pos] ?? '\0') && this.wordAt(pos + 1)) pos++;
			else if (':/'.includes(this.text[pos] ?? '\0') && this.text[pos + 1] === '/') pos++;
			else break;
		}
		return { key: this.text.slice(start, pos), at: suppressAuthor ? sign - 1 : sign, keyEnd: pos, suppressAuthor };
	}

	private wordAt = (at: number) => at < this.text.length && WORD.test(String.fromCodePoint(this.text.codePointAt(at)!));
	private charLength = (at: number) => (this.text.codePointAt(at)! > 0xffff ? 2 : 1);
	private charBefore(at: number): string {
		const low = this.text.charCodeAt(at - 1);
		return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? this.text.slice(at - 2, at) : this.text.slice(at - 1, at);
	}
}
