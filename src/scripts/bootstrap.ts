/**
 * The only script a page runs before the reader does anything (inlined,
 * under 1 KB). It loads each feature's module on the interaction that needs
 * it: search (s) when the reader types in the box or clicks it, presses "/"
 * or Ctrl/Cmd+K, opens an address with `?q=`, or the search page itself
 * (focus alone opens nothing: Tab goes on through the header); a
 * button's module on its first click (`data-load`: c copy, t theme); a quote
 * link (q) once text is selected; page enhancements (p: landing, the
 * contents' current section) on first scroll or when the address has a
 * fragment; term highlighting (h) when arriving from a search result. A tap
 * on a citation opens its preview, as hover and focus do, instead of
 * leaving for the reference list.
 * `__SCRIPTS__` maps these letters to file names, found at `__DIR__` name `__EXT__`
 * (/_s/….js when built, /src/scripts/….ts under `astro dev`; integrations/client-scripts.ts).
 */
declare const __SCRIPTS__: Record<'s' | 'c' | 't' | 'q' | 'p' | 'h', string>;
declare const __DIR__: string;
declare const __EXT__: string;
/** What the bootstrap calls in a module: search-dialog's `open`, copy's and theme's `click`. */
interface Module {
	open(query?: string | null): void;
	click(button: HTMLElement): unknown;
}

const d = document;
const load = (name: keyof typeof __SCRIPTS__) => import(__DIR__ + __SCRIPTS__[name] + __EXT__) as Promise<Module>;
const on = (target: EventTarget, type: string, listener: (e: Event) => unknown) => target.addEventListener(type, listener);
const params = new URLSearchParams(location.search);
const query = params.get('q');
const box = d.getElementById('site-search-q') as HTMLInputElement | null;
// Without a query, the module reads the box once it has loaded: keys typed meanwhile are kept.
const search = (query?: string | null) => void load('s').then((m) => m.open(query));

// Typing or a click opens the dialog; Enter in the box and its button go to the search page.
if (box) box.oninput = box.onclick = () => search();

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
	const target = e.target as Element;
	const button = target.closest<HTMLElement>('[data-load]');
	if (button) void load(button.dataset['load'] as 'c').then((m) => m.click(button));
	const cite = target.closest<Element & { interestForElement?: { togglePopover(o: object): void } }>('a[interestfor]');
	let preview;
	if ((e as PointerEvent).pointerType == 'touch' && (preview = cite?.interestForElement)) {
		e.preventDefault();
		preview.togglePopover({ source: cite });
	}
});
for (const button of d.querySelectorAll<HTMLButtonElement>('[data-load]')) button.disabled = false;

// eslint-disable-next-line @typescript-eslint/restrict-plus-operands -- `'' +` is String() in 5 fewer bytes of the 1 KB inline budget.
on(d, 'selectionchange', () => '' + getSelection() && load('q'));
if (location.hash) void load('p');
else on(window, 'scroll', () => load('p'));

if (query || d.getElementById('search-page')) search(query);
if (params.has('highlight')) void load('h');
