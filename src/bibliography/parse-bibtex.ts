/**
 * A small BibTeX reader that keeps positions, so that lint messages can point
 * at the line and column of a key or field. Formatting is left to
 * citation-js (through rehype-citation); this only reads structure.
 *
 *   @book{gordon2023,                 →  { type: 'book', key: 'gordon2023',
 *     editor = {Gordon, David},            fields: { editor: 'Gordon, David' },
 *   }                                       line: 1, column: 1 }
 */

export interface Position {
	line: number;
	column: number;
}

export interface BibEntry extends Position {
	/** Entry type, lower-cased: `article`, `book`, `techreport`… */
	type: string;
	key: string;
	/** Field values with the outer delimiters removed, names lower-cased. */
	fields: Record<string, string>;
	/** Where each field's name stands. */
	fieldPositions: Record<string, Position>;
}

export class BibtexSyntaxError extends Error implements Position {
	constructor(
		readonly reason: string,
		readonly line: number,
		readonly column: number,
	) {
		super(`${line}:${column}: ${reason}`);
		this.name = 'BibtexSyntaxError';
	}
}

const SKIPPED_TYPES = new Set(['comment', 'preamble']);
const NAME = /[A-Za-z0-9_:.\-+/'!?&*$^%#~]/;

export function parseBibtex(text: string): BibEntry[] {
	const entries: BibEntry[] = [];
	const strings = new Map<string, string>();
	let i = 0;

	const positionOf = (offset: number): Position => {
		let line = 1;
		let lineStart = 0;
		for (let j = 0; j < offset; j++) {
			if (text[j] === '\n') {
				line++;
				lineStart = j + 1;
			}
		}
		return { line, column: offset - lineStart + 1 };
	};
	const fail = (reason: string, offset = i): never => {
		const { line, column } = positionOf(Math.min(offset, text.length));
		throw new BibtexSyntaxError(reason, line, column);
	};
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i]!)) i++;
	};
	const readName = (what: string): string => {
		const start = i;
		while (i < text.length && NAME.test(text[i]!)) i++;
		if (i === start) fail(`expected ${what}, found ${describe(text[i])}`);
		return text.slice(start, i);
	};
	const readBraced = (): string => {
		const open = i;
		let depth = 0;
		for (; i < text.length; i++) {
			const c = text[i];
			if (c === '\\') {
				i++;
				continue;
			}
			if (c === '{') depth++;
			else if (c === '}' && --depth === 0) {
				i++;
				return text.slice(open + 1, i - 1);
			}
		}
		return fail('this "{" is never closed; add the matching "}"', open);
	};
	const readQuoted = (): string => {
		const open = i++;
		let depth = 0;
		for (; i < text.length; i++) {
			const c = text[i];
			if (c === '\\') {
				i++;
				continue;
			}
			if (c === '{') depth++;
			else if (c === '}') depth--;
			else if (c === '"' && depth === 0) {
				i++;
				return text.slice(open + 1, i - 1);
			}
		}
		return fail('this quoted value is never closed; add the closing \'"\'', open);
	};
	const readValue = (): string => {
		const parts: string[] = [];
		for (;;) {
			skipSpace();
			const c = text[i];
			if (c === '{') parts.push(readBraced());
			else if (c === '"') parts.push(readQuoted());
			else if (c !== undefined && /[0-9]/.test(c)) parts.push(readName('a number'));
			else if (c !== undefined && NAME.test(c)) {
				const at = i;
				const name = readName('a value').toLowerCase();
				const value = strings.get(name) ?? MONTHS[name];
				if (value === undefined) fail(`unknown @string "${name}"; define it or put the value in braces`, at);
				parts.push(value!);
			} else fail(`expected a value in braces or quotes, found ${describe(c)}`);
			skipSpace();
			if (text[i] !== '#') return parts.join('');
			i++;
		}
	};

	while (i < text.length) {
		const at = text.indexOf('@', i);
		if (at === -1) break;
		i = at + 1;
		const type = readName('an entry type after "@"').toLowerCase();
		skipSpace();
		const open = text[i];
		if (open !== '{' && open !== '(') fail(`expected "{" after @${type}, found ${describe(open)}`);
		const close = open === '{' ? '}' : ')';
		i++;
		if (SKIPPED_TYPES.has(type)) {
			i = at + 1 + type.length;
			skipSpace();
			readBraced();
			continue;
		}
		skipSpace();
		if (type === 'string') {
			const name = readName('a @string name').toLowerCase();
			skipSpace();
			if (text[i] !== '=') fail(`expected "=" after @string name "${name}"`);
			i++;
			strings.set(name, readValue());
			skipSpace();
			if (text[i] !== close) fail(`expected "${close}" to end @string "${name}"`);
			i++;
			continue;
		}
		const keyStart = i;
		const key = readName(`a citation key after "@${type}{"`);
		const keyPos = positionOf(keyStart);
		skipSpace();
		const entry: BibEntry = { type, key, fields: {}, fieldPositions: {}, ...keyPos };
		while (text[i] === ',') {
			i++;
			skipSpace();
			if (text[i] === close) break;
			const fieldStart = i;
			const field = readName(`a field name in entry "${key}"`).toLowerCase();
			skipSpace();
			if (text[i] !== '=') fail(`expected "=" after field "${field}" in entry "${key}"; is a comma missing before it?`);
			i++;
			if (field in entry.fields) fail(`field "${field}" appears twice in entry "${key}"`, fieldStart);
			entry.fields[field] = readValue();
			entry.fieldPositions[field] = positionOf(fieldStart);
			skipSpace();
		}
		if (text[i] !== close) {
			fail(`expected "," or "${close}" in entry "${key}", found ${describe(text[i])}; is a comma missing after the previous field?`);
		}
		i++;
		entries.push(entry);
	}
	return entries;
}

const MONTHS: Record<string, string> = {
	jan: '1', feb: '2', mar: '3', apr: '4', may: '5', jun: '6',
	jul: '7', aug: '8', sep: '9', oct: '10', nov: '11', dec: '12',
};

function describe(c: string | undefined): string {
	if (c === undefined) return 'the end of the file';
	if (c === '\n') return 'a line break';
	return `"${c}"`;
}

/** Plain text of a BibTeX value: protective braces and simple escapes removed. */
export function plainText(value: string): string {
	return value
		.replace(/\\([&%$#_{}])/g, '$1')
		.replace(/[{}]/g, '')
		.replace(/--/g, '–')
		.replace(/\s+/g, ' ')
		.trim();
}
