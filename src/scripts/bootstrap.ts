/**
 * The only script a page runs before the reader does anything (inlined,
 * under 1 KB). It loads each feature's module on the interaction that needs
 * it: search (s) on focus of the box, "/" or Ctrl/Cmd+K, an address with
 * `?q=`, or the search page itself; copying (c) on a copy button; a quote
 * link (q) once text is selected; term highlighting (h) when arriving from a
 * search result. It also lands a link a browser could not follow alone: a
 * text fragment it does not support, or a target in a closed <details>.
 * `__SCRIPTS__` maps these letters to file names in /_s/ (integrations/client-scripts.ts).
 */
declare const __SCRIPTS__: Record<'s' | 'c' | 'q' | 'h', string>;

const d = document;
const load = (name: keyof typeof __SCRIPTS__) => import(`/_s/${__SCRIPTS__[name]}.js`);
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

on(d, 'click', (e) => {
	const button = (e.target as Element).closest('[data-copy]');
	if (button) load('c').then((m) => m.copy(button));
});
for (const button of d.querySelectorAll<HTMLButtonElement>('[data-copy]')) button.disabled = false;

// The quote module follows the selection itself once loaded (loading twice is a no-op).
on(d, 'selectionchange', () => String(getSelection()).trim() && load('q'));

// Where the browser could not scroll to the target (an unmatched text fragment, a closed region), do it.
const land = () => {
	const target = d.getElementById(decodeURIComponent(location.hash.slice(1)).split(':~:')[0]!);
	target?.closest('details')?.setAttribute('open', '');
	const top = target?.getBoundingClientRect().top ?? 0;
	if (top < 0 || top > innerHeight) target!.scrollIntoView();
};
land();
onhashchange = land;

if (params.get('q') || d.querySelector('sourced-search-page')) search(params.get('q') ?? '');
if (params.has('highlight')) load('h');
