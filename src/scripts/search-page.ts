import { setQuery, sharedQuery } from './search-params.ts';
import { mountSearch } from './search-ui.ts';

// The search page runs the query in its address (`/search/?q=…`) and keeps the address in step.
const root = document.querySelector<HTMLElement>('sourced-search-page');
if (root) {
	const { input, search } = mountSearch(root, ['type', 'brief', 'topic', 'status'], setQuery);
	if (sharedQuery()) search(sharedQuery());
	input.focus();
}
