/**
 * Pandoc's `smart` typography for the words of a citation (its prefix,
 * locator and suffix): a known abbreviation is joined to the word after it by
 * a no-break space, so that a line never ends on "s.v." or "cf." away from
 * what it abbreviates. The list is Pandoc's own (its data file
 * `abbreviations`, printed by `pandoc --print-default-data-file abbreviations`).
 *
 *   [@doe99, s.v. water]  →  (Doe 1999, s.v. water), the space a no-break space
 *
 * As in Pandoc: the abbreviation is a whole word (letters, digits and
 * periods), matched with its case; an escaped final period (`s.v\.`), a line
 * break, or a citation after it leaves the space as written; several spaces
 * become one.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
	(
		'aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g. ed. eds. esp. f. fasc. Feb. ff. ' +
		'fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. ' +
		'Oct. p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs.'
	).split(' '),
);

const WORD = /[\p{L}\p{N}.]/u;
const BLANK = /[ \t]/;

/**
 * What becomes of the spaces after abbreviations in `text` from `start` to
 * `end`: the first space after one is a no-break space, any more are dropped.
 * `literal(i)` says the character at `i` was escaped by the author.
 */
export function abbreviationSpaces(
	text: string,
	start = 0,
	end = text.length,
	literal: (i: number) => boolean = () => false,
): Map<number, string> {
	const out = new Map<number, string>();
	let i = start;
	while (i < end) {
		if (!WORD.test(text[i]!) || (i > 0 && WORD.test(text[i - 1]!))) {
			i++;
			continue;
		}
		let j = i;
		while (j < end && WORD.test(text[j]!)) j++;
		let k = j;
		while (k < end && BLANK.test(text[k]!)) k++;
		// Followed by a word within the range: not by a line break, the end, or a citation.
		if (k > j && k < end && !/[\s@]/.test(text[k]!) && ABBREVIATIONS.has(text.slice(i, j)) && !literal(j - 1)) {
			out.set(j, '\u00a0');
			for (let m = j + 1; m < k; m++) out.set(m, '');
		}
		i = j;
	}
	return out;
}

/** The same on a string of its own (the text of emphasis inside a citation). */
export function joinAbbreviations(text: string): string {
	const spaces = abbreviationSpaces(text);
	if (spaces.size === 0) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) out += spaces.get(i) ?? text[i];
	return out;
}
