import { fold } from './locators.ts';

/** A word, a space or a punctuation character of a suffix, or an inline node (emphasis, code) kept whole. */
export interface Token {
	text: string;
	/** Index of the inline node this token stands for, in the caller's list. */
	inline?: number;
}

export interface Located {
	/** CSL locator label ("page", "chapter", "sub verbo", …). */
	label?: string;
	locator?: string;
	/** What follows the locator, printed after the citation. */
	suffix: Token[];
}

const SPACE = /^\s/u;
const PUNCTUATION = /^\p{P}$/u;
const DIGIT = /[0-9]/;
const ROMAN = /^M*(?:CM)?D?(?:CD)?C*(?:XC)?L?(?:XL)?X*(?:IX)?V?(?:IV)?I*$/;
const LONGEST_TERM = 24;

/** Splits text as Pandoc does before it looks for a locator: at each space and each punctuation mark but ':'. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let word = '';
	for (const char of text) {
		if (SPACE.test(char) || (PUNCTUATION.test(char) && char !== ':')) {
			if (word) tokens.push({ text: word });
			tokens.push({ text: char });
			word = '';
		} else word += char;
	}
	if (word) tokens.push({ text: word });
	return tokens;
}

/**
 * Pandoc's heuristics (`Text.Pandoc.Citeproc.Locator`) for the locator at
 * the start of a citation's suffix: an optional comma, then either a braced
 * locator (`{pp. iv, vi-xi}`, with an optional label) or a label and words
 * that have digits or roman numerals (`chap. 3`, `pp. 33, 35-37`, `xi`); with
 * no label, a word with a digit is a page. Without a locator, a suffix that
 * does not start with a space or punctuation gets a comma.
 */
export function parseLocator(tokens: Token[], terms: Map<string, string>): Located {
	const parser = new LocatorParser(tokens, terms);
	const found = parser.words();
	if (!found) return { suffix: addComma(tokens) };
	return { label: found.label, locator: rangeDashes(found.locator.trim()), suffix: tokens.slice(found.end) };
}

/**
 * `--` between the ends of a range is the range's dash, as Pandoc's smart
 * punctuation makes it before its citeproc sees the locator: `3--5` → `3–5`.
 * (citeproc writes each hyphen of a range as a dash: `3--5` came out `3––5`.)
 * And a no-break space after an abbreviation inside it as a plain space,
 * which citeproc keeps: `{chap. 3, sec. 4}` came out `sec.4`.
 */
const rangeDashes = (locator: string) => locator.replace(/(?<=[\p{L}\p{N})\]])--(?=[\p{L}\p{N}([])/gu, '–').replaceAll('\u00a0', ' ');

function addComma(tokens: Token[]): Token[] {
	const first = tokens[0];
	if (!first) return tokens;
	if (first.inline === undefined && (SPACE.test(first.text) || PUNCTUATION.test(first.text[0] ?? ''))) return tokens;
	return [{ text: ', ' }, ...tokens];
}

interface Word {
	digits: boolean;
	text: string;
	end: number;
}

class LocatorParser {
	private readonly tokens: Token[];
	private readonly terms: Map<string, string>;

	constructor(tokens: Token[], terms: Map<string, string>) {
		this.tokens = tokens;
		this.terms = terms;
	}

	words(): { label: string; locator: string; end: number } | undefined {
		let at = 0;
		if (this.is(at, ',')) at++;
		if (this.space(at)) at++;
		return this.delimited(at) ?? this.integrated(at);
	}

	private text = (at: number) => this.tokens[at]?.text;
	private is = (at: number, char: string) => this.tokens[at]?.inline === undefined && this.text(at) === char;
	private space = (at: number) => this.tokens[at]?.inline === undefined && SPACE.test(this.text(at) ?? '');

	/** `{label locator}`: braces and brackets balanced one level deep, anything else kept as written. */
	private delimited(at: number) {
		if (!this.is(at, '{')) return undefined;
		let pos = at + 1;
		while (this.space(pos)) pos++;
		const label = this.label(pos, (p) => p < this.tokens.length);
		if (label) pos = label.end;
		const inner = (p: number): Word | undefined => (p < this.tokens.length ? { digits: true, text: this.text(p)!, end: p + 1 } : undefined);
		let locator = '';
		for (let group = this.balanced(pos, '{}[]', inner); group; group = this.balanced(pos, '{}[]', inner)) {
			locator += group.text;
			pos = group.end;
		}
		if (!this.is(pos, '}')) return undefined;
		return { label: label?.label ?? 'page', locator, end: pos + 1 };
	}

	/** `chap. 3`, `pp. 33, 35-37`, `34-35`: a label (or none: page) and the words after it. */
	private integrated(at: number) {
		const label = this.label(at, (p) => this.word(p, true, false) !== undefined);
		let implicit = false;
		let pos = at;
		if (label) pos = label.end;
		else if (this.word(at, true, true)) implicit = true;
		else return undefined;
		const first = this.word(pos, !implicit, implicit);
		if (!first) return undefined;
		let locator = first.text;
		pos = first.end;
		for (let next = this.word(pos, false, implicit); next; next = this.word(pos, false, implicit)) {
			locator += next.text;
			pos = next.end;
		}
		return { label: label?.label ?? 'page', locator, end: pos };
	}

	/**
	 * The longest run of tokens from `at` that is a locator term and ends
	 * where `stop` holds (Pandoc's `pLocatorLabel'`).
	 */
	private label(at: number, stop: (at: number) => boolean): { label: string; end: number } | undefined {
		let found: { label: string; end: number } | undefined;
		let text = '';
		for (let end = at + 1; end <= this.tokens.length; end++) {
			text += this.text(end - 1);
			if (fold(text).length > LONGEST_TERM) break;
			if (!stop(end)) continue;
			const label = this.terms.get(fold(text));
			if (label) found = { label, end };
		}
		return found;
	}

	/** One locator word, after a separator (`,` or `;`) unless it is the first; it must have digits, or roman numerals. */
	private word(at: number, first: boolean, digitsOnly: boolean): Word | undefined {
		let pos = at;
		let text = '';
		if (!first && (this.is(pos, ',') || this.is(pos, ';'))) text += this.text(pos++);
		if (this.space(pos)) {
			text += ' ';
			pos++;
		}
		const seq = this.balanced(pos, '()[]{}', (p) => this.pageSeq(p));
		if (!seq) return undefined;
		if (digitsOnly ? !DIGIT.test(seq.text) : !seq.digits) return undefined;
		return { digits: seq.digits, text: text + seq.text, end: seq.end };
	}

	/** One or more units, each bare or in one pair of the given brackets: `123(4)(a)`, `[17]`, `(xv)`. */
	private balanced(at: number, pairs: string, inner: (at: number) => Word | undefined): Word | undefined {
		const isBrace = (p: number) => this.tokens[p]?.inline === undefined && pairs.includes(this.text(p) ?? '\0');
		let pos = at;
		let digits = false;
		let text = '';
		for (;;) {
			let unit: Word | undefined;
			for (let i = 0; i < pairs.length && !unit; i += 2) {
				if (!this.is(pos, pairs[i]!)) continue;
				const mid = isBrace(pos + 1) ? undefined : inner(pos + 1);
				const close = mid ? mid.end : pos + 1;
				if (this.is(close, pairs[i + 1]!))
					unit = { digits: mid?.digits ?? false, text: pairs[i]! + (mid?.text ?? '') + pairs[i + 1]!, end: close + 1 };
			}
			if (!unit && !isBrace(pos)) unit = inner(pos);
			if (!unit) break;
			digits ||= unit.digits;
			text += unit.text;
			pos = unit.end;
		}
		return pos > at ? { digits, text, end: pos } : undefined;
	}

	/** `1`, `1.2.3`, `.2`: page units joined by single periods. */
	private pageSeq(at: number): Word | undefined {
		const withPeriod = (p: number): Word | undefined => {
			if (!this.is(p, '.')) return undefined;
			const unit = this.pageUnit(p + 1);
			return unit && { digits: unit.digits, text: '.' + unit.text, end: unit.end };
		};
		const first = this.pageUnit(at) ?? withPeriod(at);
		if (!first) return undefined;
		let { digits, text, end } = first;
		for (let next = withPeriod(end); next; next = withPeriod(end)) {
			digits ||= next.digits;
			text += next.text;
			end = next.end;
		}
		return { digits, text, end };
	}

	/** A roman numeral (counts as digits), or a run of tokens up to a space or punctuation other than `-`, `–` and `:`. */
	private pageUnit(at: number): Word | undefined {
		const token = this.tokens[at];
		if (!token) return undefined;
		if (token.inline === undefined && ROMAN.test(token.text.toUpperCase()) && token.text !== '')
			return { digits: true, text: token.text, end: at + 1 };
		let pos = at;
		let text = '';
		while (pos < this.tokens.length && !this.space(pos) && !this.punct(pos)) text += this.text(pos++);
		return pos > at ? { digits: DIGIT.test(text), text, end: pos } : undefined;
	}

	private punct(at: number): boolean {
		const token = this.tokens[at];
		if (!token || token.inline !== undefined) return false;
		return PUNCTUATION.test(token.text) && !'-–:'.includes(token.text);
	}
}
