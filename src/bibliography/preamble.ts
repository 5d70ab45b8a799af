/**
 * The commands a bibliography defines in its `@preamble`, expanded in field
 * values as LaTeX expands them when biblatex prints an entry. biber hands
 * the preamble to LaTeX untouched; a field's `{\noopsort{b}}Smith` then
 * prints "Smith", where a reader that dropped the unknown command would
 * print "bSmith".
 *
 *   @preamble{"\newcommand{\noopsort}[1]{} \def\eds#1{#1, eds.}"}
 *   {\noopsort{b}}Smith      →  {}Smith
 *   \eds{Doe and Roe}        →  Doe and Roe, eds.
 *
 * Read: `\newcommand`, `\renewcommand`, `\providecommand` (the first
 * definition stands), `\DeclareRobustCommand`, each starred or not, with
 * `[n]` arguments and an optional first argument's default; and `\def` with
 * `#1…#9` undelimited arguments. Anything else in a preamble (packages,
 * `\let`, delimited `\def`s) is left to the command table of to-csl.ts.
 */

export interface Macro {
	/** Number of arguments. */
	params: number;
	/** Default of an optional first argument (`\newcommand{\x}[2][dflt]{…}`). */
	optional?: string;
	body: string;
}

const DEFINE = /\\(newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))/g;
const DEF = /\\[gex]?def\s*\\([A-Za-z]+)((?:#[1-9])*)\s*(?=\{)/g;
/** How deep a macro may call macros (a definition that calls itself stops here). */
const DEPTH = 8;

/** The macros the preambles define, by name (without the backslash). */
export function preambleMacros(preambles: readonly string[]): Map<string, Macro> {
	const macros = new Map<string, Macro>();
	for (const text of preambles) {
		for (const match of text.matchAll(DEFINE)) {
			let at = match.index + match[0].length;
			const params = bracket(text, at);
			if (params) at = params.end;
			const optional = params ? bracket(text, at) : undefined;
			if (optional) at = optional.end;
			const body = group(text, at);
			const name = (match[2] ?? match[3])!;
			if (!body || (match[1] === 'providecommand' && macros.has(name))) continue;
			macros.set(name, {
				params: Math.min(9, Number(params?.text) || 0),
				...(optional ? { optional: optional.text } : {}),
				body: body.text,
			});
		}
		for (const match of text.matchAll(DEF)) {
			const body = group(text, match.index + match[0].length);
			if (body) macros.set(match[1]!, { params: match[2]!.length / 2, body: body.text });
		}
	}
	return macros;
}

/** A value with every call of a preamble macro replaced by its body, arguments in place of `#1`…`#9`. */
export function expandMacros(value: string, macros: ReadonlyMap<string, Macro>, depth = 0): string {
	if (macros.size === 0 || depth > DEPTH || !value.includes('\\')) return value;
	let out = '';
	let i = 0;
	let changed = false;
	while (i < value.length) {
		const call = /^\\([A-Za-z]+)/.exec(value.slice(i));
		const macro = call ? macros.get(call[1]!) : undefined;
		if (!call || !macro) {
			// `\\` and `\{` are one token each: never the start of a macro's name.
			const step = value[i] === '\\' ? Math.min(2, value.length - i) : 1;
			out += value.slice(i, i + step);
			i += step;
			continue;
		}
		let at = i + call[0].length;
		const args: string[] = [];
		if (macro.optional !== undefined) {
			const given = bracket(value, skipSpace(value, at));
			args.push(given ? given.text : macro.optional);
			if (given) at = given.end;
		}
		while (args.length < macro.params) {
			const arg = argument(value, skipSpace(value, at));
			if (!arg) break;
			args.push(arg.text);
			at = arg.end;
		}
		if (args.length < macro.params) {
			out += call[0];
			i += call[0].length;
			continue;
		}
		out += macro.body.replace(/#([1-9])/g, (_, n: string) => args[Number(n) - 1] ?? '');
		// A command word swallows the spaces after it, as in TeX.
		i = macro.params === 0 ? skipSpace(value, at) : at;
		changed = true;
	}
	return changed ? expandMacros(out, macros, depth + 1) : out;
}

const skipSpace = (text: string, at: number) => {
	while (at < text.length && /\s/.test(text[at]!)) at++;
	return at;
};

/** `{…}` with nested braces at `at` (after spaces): its inside and where it ends. */
function group(text: string, from: number): { text: string; end: number } | undefined {
	const at = skipSpace(text, from);
	if (text[at] !== '{') return undefined;
	let depth = 0;
	for (let i = at; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return { text: text.slice(at + 1, i), end: i + 1 };
	}
	return undefined;
}

/** `[…]` at `at` (after spaces). */
function bracket(text: string, from: number): { text: string; end: number } | undefined {
	const at = skipSpace(text, from);
	if (text[at] !== '[') return undefined;
	const end = text.indexOf(']', at);
	return end < 0 ? undefined : { text: text.slice(at + 1, end), end: end + 1 };
}

/** A TeX argument: a group's inside, a control sequence, or one character. */
function argument(text: string, at: number): { text: string; end: number } | undefined {
	if (at >= text.length || text[at] === '}') return undefined;
	if (text[at] === '{') return group(text, at);
	const command = /^\\(?:[A-Za-z]+|.)/.exec(text.slice(at));
	if (command) return { text: command[0], end: at + command[0].length };
	return { text: text[at]!, end: at + 1 };
}
