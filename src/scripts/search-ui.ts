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
import { bare, closest, termsMatched, termsOf } from './search-terms.ts';

interface Anchor {
	element: string;
	id: string;
	text: string;
	title?: string;
	location: number;
}
interface SubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
	weighted_locations: { balanced_score: number; location: number }[];
	anchor?: Anchor;
}
interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sub_results: SubResult[];
	anchors: Anchor[];
	locations: number[];
	raw_content: string;
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

function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Record<string, unknown> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	Object.assign(el, props);
	el.append(...children);
	return el;
}

/**
 * An excerpt: Pagefind's (escaped text with `<mark>` around matched words),
 * keeping only the marks that match a term, and with Chinese runs in
 * `lang="zh-Hans"` as on the page, so that they take Chinese glyph forms.
 */
function excerpt(html: string, terms: string[]): HTMLSpanElement {
	const span = h('span', { className: 'excerpt', innerHTML: html });
	for (const mark of span.querySelectorAll('mark'))
		if (termsMatched(mark.textContent ?? '', terms).length === 0) mark.replaceWith(...mark.childNodes);
	span.normalize();
	const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
	const texts: Text[] = [];
	while (walker.nextNode()) texts.push(walker.currentNode as Text);
	for (const node of texts) {
		const parts = node.data.split(/([\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+)/u);
		if (parts.length === 1) continue;
		node.replaceWith(...parts.map((part, i) => (i % 2 ? h('span', { lang: 'zh-Hans' }, part) : part)));
	}
	return span;
}

/** Escapes text for an excerpt built here, and marks the words that match a term. */
const markTerms = (text: string, terms: string[]) =>
	text
		.split(/(\s+)/)
		.map((word) => {
			const safe = word.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
			return /\S/.test(word) && termsMatched(word, terms).length > 0 ? `<mark>${safe}</mark>` : safe;
		})
		.join('');

/**
 * Builds the search UI into `root`. It always offers the result type;
 * `moreFilters` are further Pagefind filters (the search page offers brief,
 * topic and status); `hint` says which keys do what there.
 * Returns the input, and a function that runs a query as if typed.
 */
export function mountSearch(
	root: HTMLElement,
	moreFilters: string[],
	onQuery: (q: string) => void = () => {},
	hint: string = strings.searchHint,
) {
	const id = root.id || 'search';
	const input = h('input', {
		type: 'search',
		id: `${id}-q`,
		autocomplete: 'off',
		spellcheck: false,
		placeholder: strings.searchPlaceholder,
	});
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
		h('p', { className: 'search-hint', id: `${id}-hint` }, hint),
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
			status.replaceChildren();
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
		const terms = termsOf(query);
		const top = search.results.slice(0, 10);
		let listed = 0;
		const draw = (data: ResultData) => {
			const drawn = renderResult(data, terms);
			if (!drawn) return;
			list.append(drawn.item);
			listed += drawn.count;
		};
		// The count and any suggestion, once every result shown is drawn.
		const finish = async () => {
			if (listed === 0) list.replaceChildren();
			const more = search.results.length > top.length ? strings.moreBriefs(search.results.length) : '';
			status.replaceChildren(strings.listedCount(listed, query) + more + (listed === 0 ? '.' : ''));
			if (listed > 0) return;
			// Nothing matched: offer the closest word the index knows, found by searching each term's first letters.
			const fixed = await Promise.all(terms.map((term) => suggestion(pf, term)));
			if (mine !== generation || fixed.every((word) => word === undefined)) return;
			const better = terms.map((term, i) => fixed[i] ?? term).join(' ');
			const retry = h('button', { type: 'button', className: 'search-suggestion' }, better);
			retry.addEventListener('click', () => {
				input.value = better;
				input.focus();
				void run();
			});
			status.append(` ${strings.didYouMean} `, retry, '?');
		};
		if (top.length === 0) return finish();
		const first = await top[0]!.data();
		if (queued) return;
		list.replaceChildren();
		draw(first);
		void (async () => {
			for (const data of top.slice(1).map((result) => result.data())) {
				const result = await data;
				if (mine !== generation) return;
				draw(result);
			}
		})()
			.catch(() => {}) // the results shown are kept; a later one that fails to load is left out
			.then(() => (mine === generation ? finish() : undefined));
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
				status.replaceChildren(strings.searchFailed);
			}
		} while (queued);
		running = false;
	};
	input.addEventListener('input', () => void run());
	filters.addEventListener('change', () => void run());

	// Arrow keys move between the input and the result links; Enter follows a link.
	root.addEventListener('keydown', (event) => {
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const stops = [input, ...list.querySelectorAll<HTMLElement>('a, button')];
		const at = stops.indexOf(document.activeElement as HTMLElement);
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
		const addFilters = async () => {
			const available = await (await pagefind()).filters();
			for (const name of moreFilters) {
				const values = Object.keys(available[name] ?? {});
				if (values.length > 0) more.append(fieldset(name, values));
			}
		};
		more.addEventListener('toggle', () => void addFilters(), { once: true });
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
		h(
			'label',
			{},
			h('input', { type: single ? 'radio' : 'checkbox', name, value, checked: single && !value }),
			value || strings.allResults,
		),
	);
	return h('fieldset', {}, h('legend', {}, strings.filterNames[name as keyof typeof strings.filterNames] ?? name), ...options);
}

/** A word of the page's text, by its place (Pagefind's word locations). */
const wordsOf = (data: ResultData) => data.raw_content.split(/[^\S\uFEFF]+/);

/**
 * One result: a source (a short title line and a one-line excerpt), or a
 * brief with every block that matches: a section whose heading has every
 * term first, then the blocks matching most terms, the first three shown and the
 * rest behind "N more in this brief". Matches Pagefind made only by a
 * fallback (see search-terms.ts) are left out; `count` is what is listed.
 */
function renderResult(result: ResultData, terms: string[]): { item: HTMLLIElement; count: number } | undefined {
	const isSource = result.filters['type']?.includes(strings.resultTypes.sources);
	const title = result.meta['title'] ?? result.url;
	const words = wordsOf(result);
	const matched = (locations: number[]) => new Set(locations.flatMap((at) => termsMatched(words[at] ?? '', terms)));
	if (isSource || result.sub_results.length === 0) {
		if (matched(result.locations).size === 0) return undefined;
		const item = h(
			'li',
			{ className: isSource ? 'result source' : 'result' },
			h(
				'a',
				{ href: result.url },
				h('span', { className: 'result-kind' }, isSource ? strings.kindSource : strings.kindBrief),
				h('span', { className: 'result-title' }, title),
				excerpt(result.excerpt, terms),
			),
		);
		return { item, count: 1 };
	}
	const ranked = result.sub_results
		.map((sub, order) => {
			const found = matched(sub.locations);
			// A heading's sub-result holds the heading's words only.
			const heading = /^h\d$/i.test(sub.anchor?.element ?? '') ? found.size : 0;
			const score = sub.weighted_locations.reduce(
				(sum, l) => sum + (termsMatched(words[l.location] ?? '', terms).length > 0 ? l.balanced_score : 0),
				0,
			);
			return { sub, order, found: found.size, heading, whole: heading === terms.length ? 1 : 0, score };
		})
		.filter((r) => r.found > 0)
		.sort((a, b) => b.whole - a.whole || b.found - a.found || b.heading - a.heading || b.score - a.score || a.order - b.order);
	if (ranked.length === 0) return undefined;
	const entry = ({ sub, heading }: (typeof ranked)[number]) =>
		h(
			'li',
			{},
			h(
				'a',
				{ href: sub.url },
				h('span', { className: 'result-title' }, sub.title),
				heading > 0 ? sectionExcerpt(result, sub, terms) : excerpt(sub.excerpt, terms),
			),
		);
	const shown = h('ul', {}, ...ranked.slice(0, 3).map(entry));
	const item = h('li', { className: 'result' }, h('a', { className: 'result-title result-brief', href: result.url }, title), shown);
	const rest = ranked.slice(3);
	if (rest.length > 0) {
		const more = h('button', { type: 'button', className: 'result-more' }, strings.moreInBrief(rest.length));
		more.addEventListener('click', () => {
			const items = rest.map(entry);
			shown.append(...items);
			more.remove();
			items[0]?.querySelector('a')?.focus();
		});
		item.append(more);
	}
	return { item, count: ranked.length };
}

/** A heading's excerpt: the first sentence of its section (the text of the block that follows it). */
function sectionExcerpt(result: ResultData, sub: SubResult, terms: string[]): HTMLSpanElement {
	const anchors = result.anchors.filter((a) => a.title || /^h\d$/i.test(a.element)).sort((a, b) => a.location - b.location);
	const next = anchors.find((a) => a.location > (sub.anchor?.location ?? Infinity));
	const sentence = /^.*?[.!?](?=[”’"]?(\s|$))[”’"]?/s.exec(next?.text ?? '')?.[0] ?? next?.text ?? '';
	if (!sentence) return excerpt(sub.excerpt, terms);
	const words = sentence.split(/\s+/);
	return excerpt(markTerms(words.length > 30 ? `${words.slice(0, 30).join(' ')} …` : sentence, terms), terms);
}

/** The closest word to `term` on the pages its first three letters find, if Pagefind finds it nowhere. */
async function suggestion(pf: Pagefind, term: string): Promise<string | undefined> {
	if (term.length < 4) return undefined;
	const found = await pf.search(term.slice(0, 3));
	const pages = await Promise.all((found?.results ?? []).slice(0, 3).map((result) => result.data()));
	const words = pages.flatMap((data) => {
		const all = wordsOf(data);
		return data.locations.map((at) => (all[at] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
	});
	if (words.some((word) => bare(word) === term)) return undefined;
	return closest(term, new Set(words));
}
