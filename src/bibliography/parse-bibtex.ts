/**
 * A BibTeX and biblatex reader that keeps positions, so that every message can
 * point at the line and column an author must fix. It reads structure only
 * (types, keys, fields, @string macros); turning values into CSL is
 * `to-csl.ts`'s job, with citation-js.
 *
 *   @book{gordon2023,                 →  { type: 'book', key: 'gordon2023',
 *     editor = {Gordon, David},            fields: { editor: 'Gordon, David' },
 *   }                                       line: 1, column: 7 }
 *
 * One pass over the text: positions come from a table of line starts
 * (binary search), never from rescanning. A syntax error does not stop it:
 * it records the problem, keeps what it read of the entry, and carries on at
 * the next `@` that starts a line, so that one run reports every error.
 */

export interface Position {
	line: number;
	column: number;
}

export interface BibEntry extends Position {
	/** Entry type, lower-cased: `article`, `book`, `techreport`… */
	type: string;
	/** The key exactly as written. */
	key: string;
	/** Field values with the outer delimiters removed and @string macros expanded, names lower-cased. */
	fields: Record<string, string>;
	/** Where each field's name stands. */
	fieldPositions: Record<string, Position>;
	/** Fields taken from a `crossref` or `xdata` parent (see inherit.ts), with the parent's key. */
	inherited?: Record<string, string>;
	/** Set when a syntax error cut the entry short: its fields are not all known. */
	incomplete?: true;
}

/** Something wrong in the text. `key` names the entry it concerns when it harms that entry only. */
export interface BibtexProblem extends Position {
	reason: string;
	key?: string;
}

export interface ParsedBibtex {
	entries: BibEntry[];
	/** Every problem, in file order. */
	problems: BibtexProblem[];
	/** `@preamble` contents, in order. */
	preambles: string[];
}

export class BibtexSyntaxError extends Error implements Position {
	readonly reason: string;
	readonly line: number;
	readonly column: number;
	constructor(reason: string, line: number, column: number) {
		super(`${line}:${column}: ${reason}`);
		this.name = 'BibtexSyntaxError';
		this.reason = reason;
		this.line = line;
		this.column = column;
	}
}

/** `offset → line:column` by binary search in the offsets where lines start. */
export function lineIndex(text: string): (offset: number) => Position {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - starts[lo]! + 1 };
	};
}

/** Thrown inside an entry; caught by the entry reader, which records it and resumes at `resume`. */
class Abort {
	readonly reason: string;
	readonly offset: number;
	readonly resume: number;
	constructor(reason: string, offset: number, resume: number) {
		this.reason = reason;
		this.offset = offset;
		this.resume = resume;
	}
}

const MONTHS: Record<string, string> = {
	jan: '1',
	feb: '2',
	mar: '3',
	apr: '4',
	may: '5',
	jun: '6',
	jul: '7',
	aug: '8',
	sep: '9',
	oct: '10',
	nov: '11',
	dec: '12',
};

const LF = 10;
const isSpace = (c: number) => c === 32 || c === 9 || c === LF || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
/** Characters that end a key, field or macro name (biber's rule): white space and "#%'(),={} and \. */
const STOP = new Set([...'"#%\'(),={}\\'].map((c) => c.charCodeAt(0)));
const isNameChar = (c: number) => !Number.isNaN(c) && !isSpace(c) && !STOP.has(c);
/**
 * What `readBraced` stops at: a brace or a line break. A backslash escapes
 * nothing here: BibTeX and biber count every brace, `\{` and `\}` too, and
 * `{C:\}` is the value `C:\`.
 */
const BRACED_STOPS = /[{}\n]/g;
/** A line that starts like a field (`year = {`), seen inside a braced value. */
const FIELD_LINE = /^[ \t]*[A-Za-z][\w-]*[ \t]*=[ \t]*[{"0-9A-Za-z]/;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Reads a whole file: every entry it can, and every problem, each with its position. */
export function readBibtex(text: string): ParsedBibtex {
	const positionOf = lineIndex(text);
	const n = text.length;
	const entries: BibEntry[] = [];
	const problems: BibtexProblem[] = [];
	const preambles: string[] = [];
	const strings = new Map<string, string>();
	let i = 0;
	/** The entry being read, for problems that concern it alone. */
	let current: BibEntry | undefined;
	/** Where the last value read ends (before the space after it). */
	let valueEnd = 0;
	/**
	 * In the entry being read, the first brace that looks as if it swallowed
	 * the fields after it (a line inside it starts `name =`, or its `}` stands
	 * alone on a line): if the entry then turns out never closed, that brace is
	 * the one to fix.
	 */
	let swallowed: number | undefined;
	/** Where the entry being read starts. */
	let entryAt = 0;

	const problem = (reason: string, offset: number, key?: string) =>
		problems.push({ ...positionOf(Math.min(offset, n)), reason, ...(key === undefined ? {} : { key }) });
	const abort = (reason: string, offset = i, resume = Math.max(i, offset)): never => {
		// eslint-disable-next-line @typescript-eslint/only-throw-error -- a signal, not an error: the entry reader catches every Abort (no stack is needed)
		throw new Abort(reason, offset, resume);
	};
	const code = (at: number) => text.charCodeAt(at);

	/** Does an entry (`@type{` or `@type(`) start at `at`, the first non-blank of its line? */
	const entryStartsAt = (at: number): boolean => {
		if (code(at) !== 64) return false;
		let j = at + 1;
		while (j < n && isSpace(code(j)) && code(j) !== LF) j++;
		const typeStart = j;
		while (j < n && isLetter(code(j))) j++;
		if (j === typeStart) return false;
		while (j < n && isSpace(code(j))) j++;
		return code(j) === 123 || code(j) === 40;
	};
	/** If a new line starting with an entry begins at `at` (a line feed), the offset of its `@`. */
	const entryAfterBreak = (at: number): number | undefined => {
		let j = at + 1;
		while (j < n && (code(j) === 32 || code(j) === 9 || code(j) === 13)) j++;
		return entryStartsAt(j) ? j : undefined;
	};
	/** The next `@` that starts a line at or after `from` (or the end of the text). */
	const nextEntryStart = (from: number): number => {
		if (from < n && entryStartsAt(from) && isLineStart(from)) return from;
		for (let j = text.indexOf('\n', from); j !== -1; j = text.indexOf('\n', j + 1)) {
			const at = entryAfterBreak(j);
			if (at !== undefined) return at;
		}
		return n;
	};
	const isLineStart = (at: number): boolean => {
		let j = at - 1;
		while (j >= 0 && (code(j) === 32 || code(j) === 9 || code(j) === 13)) j--;
		return j < 0 || code(j) === LF;
	};

	/** White space and `%` comments (to the end of the line) between tokens. */
	const skipSpace = () => {
		for (;;) {
			while (i < n && isSpace(code(i))) i++;
			if (code(i) !== 37) return;
			const end = text.indexOf('\n', i);
			i = end === -1 ? n : end;
		}
	};
	const readName = (): string => {
		const start = i;
		while (i < n && isNameChar(code(i))) i++;
		return text.slice(start, i);
	};

	/** `{…}` with nested braces; an unclosed one is reported where it opens. */
	const readBraced = (): string => {
		const open = i;
		const stack: number[] = [];
		// Jump from one brace, backslash or line break to the next (in native code: values are most of a file).
		for (BRACED_STOPS.lastIndex = i; BRACED_STOPS.exec(text) !== null; BRACED_STOPS.lastIndex = i + 1) {
			i = BRACED_STOPS.lastIndex - 1;
			const c = code(i);
			if (c === 123) stack.push(i);
			else if (c === 125) {
				if (stack.length === 1 && swallowed === undefined && isLineStart(i)) swallowed = open;
				stack.pop();
				if (stack.length === 0) return text.slice(open + 1, i++);
			} else {
				if (entryAfterBreak(i) !== undefined) break;
				if (swallowed === undefined && FIELD_LINE.test(text.slice(i + 1, i + 80))) swallowed = stack.at(-1);
			}
		}
		if (BRACED_STOPS.lastIndex === 0) i = n;
		loneEscape(open, i);
		return abort('this "{" is never closed; add the matching "}"', swallowed ?? stack.at(-1) ?? open, i);
	};
	/**
	 * A `\{` in text[from, to) that no `\}` closes: BibTeX and biber count it as a brace, so it takes the rest
	 * of the value or the entry; when there is one, it is the brace to fix.
	 */
	const loneEscape = (from: number, to: number) => {
		const open: number[] = [];
		for (const match of text.slice(from, to).matchAll(/\\[\\{}]/g)) {
			if (match[0] === '\\{') open.push(from + match.index);
			else if (match[0] === '\\}') open.pop();
		}
		if (open.length > 0) {
			abort(
				'this "\\{" is a brace for BibTeX and biber too, and nothing closes it; write it with its "\\}", or alone as \\textbraceleft',
				open[0],
				to,
			);
		}
	};
	/** `"…"`, in which braces must balance and a `"` inside braces does not end the value. */
	const readQuoted = (): string => {
		const open = i++;
		const stack: number[] = [];
		for (; i < n; i++) {
			const c = code(i);
			if (c === 123) stack.push(i);
			else if (c === 125) {
				if (stack.pop() === undefined) abort('this "}" closes no "{" in a quoted value; remove it, or add the "{" it closes');
			} else if (c === 34 && stack.length === 0) {
				// As in BibTeX and biber, a quote outside braces ends the value, even after a backslash (`\"u`).
				if (code(i - 1) === 92 && !/^\s*[,})#]/.test(text.slice(i + 1, i + 80))) {
					abort(
						'this "\\"" ends the quoted value, as any quote outside braces does in BibTeX and biber; write the accent in braces ({\\"u}), or the value in braces instead of quotes',
					);
				}
				return text.slice(open + 1, i++);
			} else if (c === LF && entryAfterBreak(i) !== undefined) break;
		}
		if (stack.length > 0) return abort('this "{" is never closed; add the matching "}"', stack.at(-1), i);
		return abort("this quoted value is never closed; add the closing '\"'", open, i);
	};
	/** A value: braced or quoted text, a number or a macro, joined with `#`. */
	const readValue = (what: string): string => {
		const parts: string[] = [];
		for (;;) {
			skipSpace();
			const c = code(i);
			if (c === 123) parts.push(readBraced());
			else if (c === 34) parts.push(readQuoted());
			else if (isNameChar(c)) {
				const at = i;
				const name = readName();
				if (/^[0-9]+$/.test(name)) parts.push(name);
				else {
					const value = strings.get(name.toLowerCase()) ?? MONTHS[name.toLowerCase()];
					if (value === undefined) {
						problem(
							`unknown @string "${name}" in ${what}. Define it with @string{${name} = {…}} before this entry, or put the value in braces: {${name}}`,
							at,
							current?.key,
						);
					}
					parts.push(value ?? '');
				}
			} else abort(`expected a value in braces or quotes for ${what}, found ${describe(text[i])}`);
			valueEnd = i;
			skipSpace();
			if (code(i) !== 35) return parts.join('');
			i++;
		}
	};

	/** `@comment{…}`: skipped with its braces; a JabRef comment may hold anything. */
	const skipComment = (close: number) => {
		const open = code(i);
		let depth = 0;
		for (; i < n; i++) {
			const c = code(i);
			if (c === open) depth++;
			else if (c === close && --depth === 0) {
				i++;
				return;
			} else if (c === LF && entryAfterBreak(i) !== undefined) return;
		}
	};

	const neverClosed = (key: string, closeText: string): never => {
		loneEscape(entryAt, i);
		if (swallowed !== undefined) abort('this "{" is never closed; add the matching "}"', swallowed, i);
		return abort(`entry "${key}" is never closed; add "${closeText}" after its last field`, valueEnd, i);
	};

	const readEntry = () => {
		const at = i++;
		entryAt = at;
		skipSpace();
		const typeStart = i;
		while (i < n && isLetter(code(i))) i++;
		const type = text.slice(typeStart, i).toLowerCase();
		if (!type) abort(`expected an entry type after "@", found ${describe(text[i])}; write @article{key, …}, or remove the "@"`);
		skipSpace();
		const openChar = code(i);
		if (type === 'comment' && openChar !== 123 && openChar !== 40) {
			// BibTeX's `@comment` without braces comments out the rest of its line.
			const end = text.indexOf('\n', i);
			i = end === -1 ? n : end;
			return;
		}
		if (openChar !== 123 && openChar !== 40) abort(`expected "{" after @${type}, found ${describe(text[i])}`);
		const close = openChar === 123 ? 125 : 41;
		const closeText = String.fromCharCode(close);
		if (type === 'comment') return skipComment(close);
		const openAt = i++;
		skipSpace();
		if (type === 'preamble' || type === 'string') {
			if (type === 'preamble') preambles.push(readValue('@preamble'));
			else {
				const name = readName();
				if (!name) abort(`expected a macro name after "@string${text[openAt]}", found ${describe(text[i])}`);
				skipSpace();
				if (code(i) !== 61) abort(`expected "=" after @string name "${name}", found ${describe(text[i])}`);
				i++;
				strings.set(name.toLowerCase(), readValue(`@string "${name}"`));
			}
			skipSpace();
			if (code(i) !== close)
				abort(`expected "${closeText}" to end this @${type} (opened at line ${positionOf(openAt).line}), found ${describe(text[i])}`);
			i++;
			return;
		}

		const keyAt = i;
		const key = readName();
		if (!key) abort(`@${type} at line ${positionOf(at).line} has no key; write @${type}{key, …} with a key that is not used elsewhere`);
		const entry: BibEntry = { type, key, fields: {}, fieldPositions: {}, ...positionOf(keyAt) };
		current = entry;
		swallowed = undefined;
		entries.push(entry);
		skipSpace();
		valueEnd = i;
		while (code(i) === 44) {
			i++;
			skipSpace();
			if (code(i) === close) break;
			const fieldAt = i;
			const field = readName().toLowerCase();
			if (!field) {
				if (entryStartsAt(i) && isLineStart(i)) neverClosed(key, closeText);
				abort(`expected a field name in entry "${key}", found ${describe(text[i])}`);
			}
			skipSpace();
			if (code(i) !== 61)
				abort(`expected "=" after field "${field}" in entry "${key}", found ${describe(text[i])}; is a comma missing before it?`);
			i++;
			const value = readValue(`field "${field}" of "${key}"`);
			if (field in entry.fields) {
				problem(`field "${field}" appears twice in entry "${key}"; the first value is kept. Remove one`, fieldAt, key);
			} else {
				entry.fields[field] = value;
				entry.fieldPositions[field] = positionOf(fieldAt);
			}
			skipSpace();
		}
		if (code(i) !== close) {
			if (i >= n || (entryStartsAt(i) && isLineStart(i))) neverClosed(key, closeText);
			abort(`expected "," or "${closeText}" in entry "${key}", found ${describe(text[i])}; is a comma missing after the previous field?`);
		}
		i++;
	};

	/** Text outside entries is a comment; an `@` after other text on its line is part of it (an address, say). */
	let lineClean = true;
	while (i < n) {
		const c = code(i);
		if (c === LF) {
			lineClean = true;
			i++;
		} else if (isSpace(c)) i++;
		else if (c === 37 && lineClean) {
			const end = text.indexOf('\n', i);
			i = end === -1 ? n : end;
		} else if (c === 64 && (lineClean || entryStartsAt(i))) {
			try {
				readEntry();
			} catch (error) {
				if (!(error instanceof Abort)) throw error;
				problem(error.reason, error.offset);
				if (current) current.incomplete = true;
				i = nextEntryStart(error.resume);
			}
			current = undefined;
			lineClean = true;
		} else {
			lineClean = false;
			i++;
		}
	}
	return { entries, problems, preambles };
}

/** The entries of a text, or the first problem thrown as a BibtexSyntaxError. */
export function parseBibtex(text: string): BibEntry[] {
	const { entries, problems } = readBibtex(text);
	const first = problems[0];
	if (first) throw new BibtexSyntaxError(first.reason, first.line, first.column);
	return entries;
}

function describe(c: string | undefined): string {
	if (c === undefined) return 'the end of the file';
	if (c === '\n' || c === '\r') return 'a line break';
	return `"${c}"`;
}

/** Plain text of a BibTeX value: protective braces and simple escapes removed. */
export function plainText(value: string): string {
	return value
		.replace(/\\([&%$#_{}])/g, '$1')
		.replace(/[{}]/g, '')
		.replace(/---/g, '—')
		.replace(/--/g, '–')
		.replace(/\s+/g, ' ')
		.trim();
}
