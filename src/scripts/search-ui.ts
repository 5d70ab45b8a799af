/**
 * Sourced's search UI on Pagefind's JavaScript API: an input, result-type
 * filters and a list of results (sections, paragraphs and sources), with
 * arrow-key navigation and a live count. Loaded only when a reader starts a
 * search; see README "Search" for why it is ours and not Pagefind's
 * Component UI (about 48 KB more to download before the first result).
 */
import { strings } from '../ui/strings.ts';
import { base } from './base.ts';
import { HIGHLIGHT_PARAM } from './search-params.ts';

interface SubResult {
	title: string;
	url: string;
	excerpt: string;
}
interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sub_results: SubResult[];
}
interface Pagefind {
	options(o: object): Promise<void>;
	init(): Promise<void>;
	search(term: string, o?: object): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

let engine: Promise<Pagefind> | undefined;

/** Pagefind's engine (script, worker, WebAssembly and index metadata), fetched once. */
export function pagefind(): Promise<Pagefind> {
	engine ??= (async () => {
		const url = `${base}pagefind/pagefind.js`;
		const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
		// Result URLs are site paths (/briefs/…/); Pagefind puts the base path before them.
		await pf.options({ baseUrl: base, highlightParam: HIGHLIGHT_PARAM, excerptLength: 24 });
		await pf.init();
		return pf;
	})().catch((error: unknown) => {
		engine = undefined; // let the next search try again
		throw error;
	});
	return engine;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	Object.assign(el, props);
	el.append(...children);
	return el;
}

/** Pagefind's excerpts are escaped text with `<mark>` around the terms. */
const marked = (html: string) => h('span', { className: 'excerpt', innerHTML: html });

/**
 * Builds the search UI into `root`. It always offers the result type;
 * `moreFilters` are further Pagefind filters (the search page offers brief,
 * topic and status).
 * Returns the input, and a function that runs a query as if typed.
 */
export function mountSearch(root: HTMLElement, moreFilters: string[], onQuery: (q: string) => void = () => {}) {
	const id = root.id || 'search';
	const input = h('input', { type: 'search', id: `${id}-q`, autocomplete: 'off', spellcheck: false, placeholder: strings.searchPlaceholder });
	input.setAttribute('aria-controls', `${id}-results`);
	input.setAttribute('aria-describedby', `${id}-hint`);
	const filters = h('div', { className: 'search-filters' });
	const status = h('p', { className: 'search-status', id: `${id}-status` });
	status.setAttribute('role', 'status');
	const list = h('ol', { className: 'search-results', id: `${id}-results` });
	list.setAttribute('aria-label', strings.searchResults);
	root.append(
		h('label', { htmlFor: input.id, className: 'visually-hidden' }, strings.searchLabel),
		input,
		h('p', { className: 'search-hint', id: `${id}-hint` }, strings.searchHint),
		filters,
		status,
		list,
	);

	// Pagefind searches one query at a time in its worker. Typing faster than it
	// answers must not queue up searches for words already gone from the box:
	// while one runs, only the newest query waits, and a search overtaken by
	// typing before its first result fetches no results. The first result is
	// drawn as soon as it is ready; the other nine, fetched together, follow in
	// order while their query is still the newest.
	let generation = 0;
	let running = false;
	let queued = false;
	const show = async (query: string) => {
		const mine = ++generation;
		if (!query) {
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		const pf = await pagefind();
		if (queued) return;
		const chosen: Record<string, string[]> = {};
		for (const box of filters.querySelectorAll<HTMLInputElement>('input:checked')) {
			if (box.value) (chosen[box.name] ??= []).push(box.value);
		}
		const search = await pf.search(query, { filters: chosen });
		if (!search || queued) return;
		const count = strings.resultCount(search.results.length, query);
		const top = search.results.slice(0, 10);
		if (top.length === 0) {
			list.replaceChildren();
			status.textContent = count;
			return;
		}
		const first = await top[0]!.data();
		if (queued) return;
		list.replaceChildren(renderResult(first));
		status.textContent = count;
		void (async () => {
			for (const data of top.slice(1).map((result) => result.data())) {
				const result = await data;
				if (mine !== generation) return;
				list.append(renderResult(result));
			}
		})().catch(() => {}); // the first result and the count are shown; a later one that fails to load is left out
	};
	const run = async () => {
		onQuery(input.value.trim());
		if (running) return void (queued = true);
		running = true;
		do {
			queued = false;
			try {
				await show(input.value.trim());
			} catch {
				list.replaceChildren();
				status.textContent = strings.searchFailed;
			}
		} while (queued);
		running = false;
	};
	input.addEventListener('input', run);
	filters.addEventListener('change', run);

	// Arrow keys move between the input and the result links; Enter follows a link.
	root.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const stops = [input, ...list.querySelectorAll('a')];
		const at = stops.indexOf(document.activeElement as HTMLAnchorElement);
		if (at < 0) return;
		event.preventDefault();
		stops[Math.max(0, Math.min(stops.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
	});

	void pagefind(); // start fetching the engine while the reader types

	// Result types are known; build them now. Other filters need Pagefind's filter
	// index, which on a large site is most of the bytes: fetch it only when asked.
	filters.append(fieldset('type', ['', strings.resultTypes.sections, strings.resultTypes.sources]));
	if (moreFilters.length > 0) {
		const more = h('details', {}, h('summary', {}, strings.moreFilters));
		more.addEventListener(
			'toggle',
			async () => {
				const available = await (await pagefind()).filters();
				for (const name of moreFilters) {
					const values = Object.keys(available[name] ?? {});
					if (values.length > 0) more.append(fieldset(name, values));
				}
			},
			{ once: true },
		);
		filters.append(more);
	}

	return {
		input,
		search: (query: string) => {
			input.value = query;
			void run();
		},
	};
}

/** Radio buttons for the result type ('' is "all"), checkboxes for the rest. */
function fieldset(name: string, values: string[]): HTMLFieldSetElement {
	const single = name === 'type';
	const options = values.map((value) =>
		h('label', {}, h('input', { type: single ? 'radio' : 'checkbox', name, value, checked: single && !value }), value || strings.allResults),
	);
	return h('fieldset', {}, h('legend', {}, strings.filterNames[name as keyof typeof strings.filterNames] ?? name), ...options);
}

function renderResult(result: ResultData): HTMLLIElement {
	const isSource = result.filters['type']?.includes(strings.resultTypes.sources);
	const title = result.meta['title'] ?? result.url;
	if (isSource || result.sub_results.length === 0) {
		return h(
			'li',
			{ className: isSource ? 'result source' : 'result' },
			h('a', { href: result.url }, h('span', { className: 'result-kind' }, isSource ? strings.kindSource : strings.kindBrief), h('span', { className: 'result-title' }, title), marked(result.excerpt)),
		);
	}
	return h(
		'li',
		{ className: 'result' },
		h('p', { className: 'result-title' }, title),
		h(
			'ul',
			{},
			...result.sub_results.slice(0, 3).map((sub) => h('li', {}, h('a', { href: sub.url }, h('span', { className: 'result-title' }, sub.title), marked(sub.excerpt)))),
		),
	);
}
