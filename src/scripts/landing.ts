import { HIGHLIGHT_PARAM } from './pagefind-ui.ts';

/**
 * Arriving at `#id`: the browser scrolls (below the header, see scroll-margin)
 * and CSS `:target` flashes the block; this moves keyboard focus there too.
 * Arriving from a search result: the searched terms are marked, with
 * Pagefind's highlighter, fetched only then.
 */
function land() {
	const id = decodeURIComponent(location.hash.slice(1));
	const target = id ? document.getElementById(id) : null;
	if (!target) return;
	if (!target.matches('a, button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
	target.focus({ preventScroll: true });
}

land();
addEventListener('hashchange', land);

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
	const url = '/pagefind/pagefind-highlight.js';
	const { default: PagefindHighlight } = await import(/* @vite-ignore */ url);
	new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
}
