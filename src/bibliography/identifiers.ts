/**
 * DOIs and eprints, normalised once for links, CSL and exports alike:
 *
 *   10.1/x · doi:10.1/x · https://doi.org/10.1/x · http://dx.doi.org/10.1/x  →  10.1/x
 *   eprint = {2101.00001}, eprinttype = {arxiv}                              →  https://arxiv.org/abs/2101.00001
 */

const DOI = /^(?:doi:\s*|info:doi\/|https?:\/\/(?:dx\.|www\.)?doi\.org\/)?(10\.\d+(?:\.\d+)*\/\S+)$/i;
const DOI_URL = /^https?:\/\/(?:dx\.|www\.)?doi\.org\/(10\.\d+(?:\.\d+)*\/\S+)$/i;

/** The bare DOI a field holds, or undefined if it holds none; with `urlOnly`, only a resolver URL counts. */
export function doiOf(value: string | undefined, { urlOnly = false } = {}): string | undefined {
	if (!value) return undefined;
	const text = value
		.trim()
		.replace(/^\{(.*)\}$/s, '$1')
		.replace(/\\([_%&#$])/g, '$1');
	const match = (urlOnly ? DOI_URL : DOI).exec(text);
	if (!match) return undefined;
	try {
		return decodeURIComponent(match[1]!);
	} catch {
		return match[1];
	}
}

/** The resolver link of a DOI. */
export const doiUrl = (doi: string) => `https://doi.org/${doi}`;

/** Where biblatex's eprint types live (as Pandoc links them). */
const EPRINT_URLS: Record<string, string> = {
	arxiv: 'https://arxiv.org/abs/',
	jstor: 'https://www.jstor.org/stable/',
	pubmed: 'https://www.ncbi.nlm.nih.gov/pubmed/',
	googlebooks: 'https://books.google.com?id=',
	hdl: 'https://hdl.handle.net/',
};

/** A link for `eprint` with `eprinttype` (biblatex) or `archiveprefix` (BibTeX, arXiv's own export). */
export function eprintUrl(fields: Record<string, string>): string | undefined {
	const eprint = fields['eprint']?.trim();
	const type = (fields['eprinttype'] ?? fields['archiveprefix'])?.trim().toLowerCase();
	if (!eprint || !type) return undefined;
	const base = EPRINT_URLS[type];
	return base ? base + eprint.replace(/^arxiv:/i, '') : undefined;
}
