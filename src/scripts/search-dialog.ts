import { strings } from '../ui/strings.ts';
import { setQuery } from './search-params.ts';
import { mountSearch } from './search-ui.ts';

let dialog: { element: HTMLDialogElement; search: (q: string) => void } | undefined;

// The search page searches in place, with every filter, instead of in a dialog; nothing there closes.
const onPage = document.querySelector<HTMLElement>('sourced-search-page');
const page = onPage && mountSearch(onPage, ['brief', 'topic', 'status'], setQuery, strings.searchHintPage);
page?.input.focus();

/**
 * Opens the search dialog (built on first use) with `query`, or with what the
 * reader has typed into the header's box. The address carries the query while
 * it is open; closing it (Esc, the button, or a click outside) clears it,
 * leaves the last query in the header's box, and the browser returns focus
 * to the opener.
 */
export function open(query?: string | null): void {
	const box = document.getElementById('site-search-q') as HTMLInputElement | null;
	// Keys typed in the box before the dialog opened each asked for it: once open, it has the text, and the reader types there.
	if (query == null && dialog?.element.open) return;
	query ??= box?.value ?? '';
	if (page) return query ? page.search(query) : undefined;
	if (!dialog) {
		const element = document.createElement('dialog');
		element.className = 'search-dialog';
		element.setAttribute('aria-label', strings.search);
		const close = Object.assign(document.createElement('button'), {
			type: 'button',
			className: 'search-close',
			textContent: strings.close,
		});
		close.addEventListener('click', () => element.close());
		const body = Object.assign(document.createElement('div'), { id: 'search-dialog' });
		element.append(close, body);
		element.addEventListener('click', (event) => {
			if (event.target === element) element.close();
		});
		// The first Esc closes, even from a search box with text (which Esc would otherwise only clear).
		element.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape') return;
			event.preventDefault();
			element.close();
		});
		const { search, input } = mountSearch(body, [], setQuery, strings.searchHint);
		element.addEventListener('close', () => {
			setQuery('');
			if (box) box.value = input.value;
		});
		document.body.append(element);
		dialog = { element, search };
	}
	const { element, search } = dialog;
	element.showModal();
	search(query);
	element.querySelector('input')?.focus();
}
