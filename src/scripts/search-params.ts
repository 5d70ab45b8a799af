/** The query parameter that carries searched terms to the page a result opens (scripts/landing.ts). */
export const HIGHLIGHT_PARAM = 'highlight';

/** Keeps `?q=` in the address in step with the search, so that it can be shared. */
export function setQuery(query: string): void {
	const url = new URL(location.href);
	if (query) url.searchParams.set('q', query);
	else url.searchParams.delete('q');
	history.replaceState(history.state, '', url);
}
