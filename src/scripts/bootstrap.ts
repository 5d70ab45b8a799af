/**
 * The only script a page runs before the reader does anything (inlined,
 * under 1 KB). It loads each feature's module on the interaction that needs
 * it: search on focus of the box, "/" or Ctrl/Cmd+K; copying on a copy
 * button; term highlighting when arriving from a search result.
 * `__SCRIPTS__` maps module names to URLs (integrations/client-scripts.ts).
 */
declare const __SCRIPTS__: Record<string, string>;

const load = (name: string) => import(__SCRIPTS__[name]!);
const params = new URLSearchParams(location.search);
const box = document.getElementById('site-search-q') as HTMLInputElement | null;
const search = (query: string) => load('search-dialog').then((m) => m.open(query));

// Focus coming back from the closing dialog must not open it again.
box?.addEventListener('focus', (event) => {
	if (!(event.relatedTarget as Element | null)?.closest('dialog')) void search(box.value);
});

document.addEventListener('keydown', (event) => {
	const typing = (event.target as Element).closest?.('input,textarea,select,[contenteditable]');
	if (((event.key === '/' && !typing) || (event.key === 'k' && (event.ctrlKey || event.metaKey))) && !document.querySelector('dialog[open]')) {
		event.preventDefault();
		void search(box?.value ?? '');
	}
});

document.addEventListener('click', (event) => {
	const button = (event.target as Element).closest?.('copy-button button');
	if (button) void load('copy').then((m) => m.copy(button));
});
for (const button of document.querySelectorAll<HTMLButtonElement>('copy-button button')) button.disabled = false;

if (document.querySelector('sourced-search-page')) void load('search-page');
else if (params.get('q')) void search(params.get('q')!);
if (params.has('highlight')) void load('highlight');
