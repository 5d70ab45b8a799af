/**
 * Loads Pagefind's Component UI (script and styles) once, on demand, so that a
 * reader who never searches downloads none of it.
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

/** Resolves with the `<input>` a Pagefind element renders once it has upgraded. */
export function inputOf(host: Element): Promise<HTMLInputElement> {
	return new Promise((resolve) => {
		const find = () => {
			const input = host.querySelector('input');
			if (input) resolve(input);
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
