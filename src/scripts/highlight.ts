import { base } from './base.ts';
import { HIGHLIGHT_PARAM } from './search-params.ts';

// Marks the searched terms on the page a search result opened, with Pagefind's own highlighter.
const url = `${base}pagefind/pagefind-highlight.js`;
/** pagefind-highlight.js's export, as used here. */
type Highlighter = new (options: { highlightParam: string; addStyles: boolean }) => unknown;
const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as { default: Highlighter };
new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
