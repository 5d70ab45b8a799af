/**
 * Pagefind's Component UI, loaded on demand so that a reader who never
 * searches downloads none of it, and configured alike wherever it appears.
 */
let loading: Promise<void> | undefined;

export function loadPagefindUI(): Promise<void> {
	loading ??= new Promise<void>((resolve, reject) => {
		const css = document.createElement('link');
		css.rel = 'stylesheet';
		css.href = '/pagefind/pagefind-component-ui.css';
		document.head.append(css);
		const script = document.createElement('script');
		script.src = '/pagefind/pagefind-component-ui.js';
		script.onload = () => resolve();
		script.onerror = () => reject(new Error('search could not be loaded'));
		document.head.append(script);
	});
	return loading;
}

/**
 * The query parameter that carries searched terms to the page a result opens,
 * where pagefind-highlight marks them (scripts/landing.ts).
 */
export const HIGHLIGHT_PARAM = 'highlight';

/** Markup shared by the search dialog and the search page. "1" ms: "0" would mean Pagefind's default 300. */
export const CONFIG = `<pagefind-config highlight-param="${HIGHLIGHT_PARAM}" excerpt-length="24"></pagefind-config>`;
export const INPUT = '<pagefind-input debounce="1"></pagefind-input>';
export const RESULTS = '<pagefind-summary></pagefind-summary><pagefind-results show-sub-results max-sub-results="3"></pagefind-results>';

/** Resolves with the `<input>` a Pagefind element renders once it has upgraded. */
export function inputOf(host: Element): Promise<HTMLInputElement> {
	return new Promise((resolve) => {
		const find = () => {
			const input = host.querySelector('input[type="search"], input:not([type])');
			if (input instanceof HTMLInputElement) resolve(input);
			else requestAnimationFrame(find);
		};
		find();
	});
}

/** Types `query` into a Pagefind input as a reader would, so its own search runs. */
export function runQuery(input: HTMLInputElement, query: string): void {
	input.value = query;
	input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Keeps `?q=` in the address in step with what is typed, so that a search can be shared. */
export function syncQueryToUrl(input: HTMLInputElement): void {
	input.addEventListener('input', () => setQuery(input.value));
}

export function setQuery(query: string): void {
	const url = new URL(location.href);
	if (query) url.searchParams.set('q', query);
	else url.searchParams.delete('q');
	history.replaceState(history.state, '', url);
}
