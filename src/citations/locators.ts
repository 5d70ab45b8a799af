/**
 * Pandoc's locator terms: every form (long, short, symbol; singular and
 * plural) of the CSL locator terms in a locale, by its case-folded text, as
 * Pandoc's `toLocatorMap` reads them ("pp." → page, "chaps." → chapter,
 * "§§" → section). Where two terms share a text, the one earlier in Pandoc's
 * list wins ("p." is a page, not a number of pages).
 */
const LOCATOR_TERMS = [
	'book',
	'chapter',
	'column',
	'figure',
	'folio',
	'issue',
	'line',
	'note',
	'opus',
	'page',
	'number-of-pages',
	'paragraph',
	'part',
	'section',
	'sub-verbo',
	'verse',
	'volume',
];

/** CSL-JSON's name for a locator label where it differs from the locale term's. */
const LABELS: Record<string, string> = { 'sub-verbo': 'sub verbo' };

const TERM = /<term name="([^"]+)"[^>]*>([\s\S]*?)<\/term>/g;
const FORM = /<(single|multiple)>([^<]*)<\/\1>/g;

export function locatorTerms(localeXml: string): Map<string, string> {
	const found = new Map<string, string[]>();
	for (const [, name, body] of localeXml.matchAll(TERM)) {
		if (!LOCATOR_TERMS.includes(name!)) continue;
		const forms = [...body!.matchAll(FORM)].map((m) => m[2]!);
		const plain = body!.replace(/<!--[\s\S]*?-->/g, '').trim();
		if (forms.length === 0 && plain && !plain.includes('<')) forms.push(plain);
		found.set(name!, [...(found.get(name!) ?? []), ...forms]);
	}
	const terms = new Map<string, string>();
	for (const name of [...LOCATOR_TERMS].reverse()) {
		for (const form of found.get(name) ?? []) terms.set(fold(form), LABELS[name] ?? name);
	}
	return terms;
}

/** Case folding as Pandoc compares labels (`T.toCaseFold . T.strip`). */
export const fold = (text: string) => text.trim().toLocaleLowerCase('en-US');
