import { strings } from '../ui/strings.ts';
import { setQuery } from './search-params.ts';
import { mountSearch } from './search-ui.ts';

let dialog: { element: HTMLDialogElement; search: (q: string) => void } | undefined;

// The search page searches in place, with every filter, instead of in a dialog.
const onPage = document.querySelector<HTMLElement>('sourced-search-page');
const page = onPage && mountSearch(onPage, ['brief', 'topic', 'status'], setQuery);
page?.input.focus();

/**
 * Opens the search dialog (built on first use) with `query`. The address
 * carries the query while it is open; closing it (Esc, the button, or a
 * click outside) clears it, and the browser returns focus to the opener.
 */
export function open(query: string): void {
	if (page) return query ? page.search(query) : undefined;
	if (!dialog) {
		const element = document.createElement('dialog');
		element.className = 'search-dialog';
		element.setAttribute('aria-label', strings.search);
		const close = Object.assign(document.createElement('button'), { type: 'button', className: 'search-close', textContent: strings.close });
		close.addEventListener('click', () => element.close());
		const body = Object.assign(document.createElement('div'), { id: 'search-dialog' });
		element.append(close, body);
		element.addEventListener('click', (event) => {
			if (event.target === element) element.close();
		});
		element.addEventListener('close', () => setQuery(''));
		document.body.append(element);
		const { search } = mountSearch(body, [], setQuery);
		dialog = { element, search };
	}
	const { element, search } = dialog;
	element.showModal();
	search(query);
	element.querySelector('input')?.focus();
}
