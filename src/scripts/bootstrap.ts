/**
 * The only script a page runs before the reader does anything (inlined,
 * under 1 KB). It loads each feature's module on the interaction that needs
 * it: search (s) on focus of the box, "/" or Ctrl/Cmd+K, an address with
 * `?q=`, or the search page itself; a button's module on its first click
 * (`data-load`: c copy, t theme); a quote link (q) once text is selected;
 * page enhancements (p: landing, the contents' current section) on first
 * scroll or when the address has a fragment; term highlighting (h) when
 * arriving from a search result.
 * `__SCRIPTS__` maps these letters to file names, found at `__DIR__` name `__EXT__`
 * (/_s/….js when built, /src/scripts/….ts under `astro dev`; integrations/client-scripts.ts).
 */
declare const __SCRIPTS__: Record<'s' | 'c' | 't' | 'q' | 'p' | 'h', string>;
declare const __DIR__: string;
declare const __EXT__: string;

const d = document;
const load = (name: keyof typeof __SCRIPTS__) => import(__DIR__ + __SCRIPTS__[name] + __EXT__);
const on = (target: EventTarget, type: string, listener: (e: Event) => unknown) => target.addEventListener(type, listener);
const params = new URLSearchParams(location.search);
const box = d.getElementById('site-search-q') as HTMLInputElement | null;
const search = (query = box?.value) => load('s').then((m) => m.open(query));

// Focus coming back from the closing dialog must not open it again.
if (box) on(box, 'focus', (e) => ((e as FocusEvent).relatedTarget as Element | null)?.closest('dialog') || search());

// Opening an open modal dialog again does nothing, so the shortcut needs no guard.
on(d, 'keydown', (e) => {
	const { key, ctrlKey, metaKey, target } = e as KeyboardEvent;
	if (key == '/' ? !(target as Element).closest('input,textarea') : key == 'k' && (ctrlKey || metaKey)) {
		e.preventDefault();
		search();
	}
});

// Buttons stay disabled until this runs; their module does the work.
on(d, 'click', (e) => {
	const button = (e.target as Element).closest<HTMLElement>('[data-load]');
	if (button) load(button.dataset['load'] as 'c').then((m) => m.click(button));
});
for (const button of d.querySelectorAll<HTMLButtonElement>('[data-load]')) button.disabled = false;

on(d, 'selectionchange', () => String(getSelection()).trim() && load('q'));
if (location.hash) load('p');
else on(window, 'scroll', () => load('p'));

if (params.get('q') || d.querySelector('sourced-search-page')) search(params.get('q') ?? '');
if (params.has('highlight')) load('h');
