/**
 * Page enhancements, loaded on the first scroll or when the address has a
 * fragment: landing where the browser could not scroll by itself, and the
 * table of contents following the section being read.
 */

const toc = document.querySelector<HTMLDetailsElement>('.toc details');

// An unmatched text fragment (`#id:~:text=…`), or a target in a closed <details>.
function land() {
	const target = document.getElementById(decodeURIComponent(location.hash.slice(1)).split(':~:')[0]!);
	if (!target) return;
	target.closest('details')?.setAttribute('open', '');
	const { top } = target.getBoundingClientRect();
	if (top < 0 || top > innerHeight) target.scrollIntoView();
}
// A jump from the contents or from a preview's link leaves neither open over the text it lands on (this
// module may arrive just after the jump that loaded it).
function closeOverlays() {
	toc?.removeAttribute('open');
	for (const preview of document.querySelectorAll<HTMLElement>('.cite-preview:popover-open')) preview.hidePopover();
}
if (location.hash) closeOverlays();
land();

/**
 * The contents mark the section the reader is in (aria-current), and name it
 * in the phone's contents bar: the section of the target just jumped to while
 * it is still in the top half of the window; at the end of the page, the last
 * section whose heading is in view; otherwise the section whose heading was
 * passed last, just under the top of the window. Links not shown (Notes, on
 * screens that show notes in the margin) are never marked.
 */
const links = new Map(
	[...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]),
);
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
const current = document.querySelector('.toc-current');
const sectionOf = (el: Element) =>
	headings.filter((h) => h === el || h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
function mark() {
	const shown = headings.filter((h) => getComputedStyle(links.get(h.id)!.closest('li')!).display !== 'none');
	const line = Math.min(120, innerHeight * 0.2);
	const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)).split(':~:')[0]!);
	const targetTop = target ? target.getBoundingClientRect().top : -1;
	let section: HTMLElement | undefined;
	if (target && targetTop >= 0 && targetTop < innerHeight / 2) section = sectionOf(target);
	else if (innerHeight + scrollY >= document.documentElement.scrollHeight - 2)
		section = shown.filter((h) => h.getBoundingClientRect().top < innerHeight).at(-1);
	else section = shown.filter((h) => h.getBoundingClientRect().top < line).at(-1);
	if (section && !shown.includes(section))
		section = shown.filter((h) => h.compareDocumentPosition(section!) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
	for (const [id, link] of links) {
		if (id === section?.id) link.setAttribute('aria-current', 'location');
		else link.removeAttribute('aria-current');
	}
	if (current) current.textContent = section ? links.get(section.id)!.textContent : '';
}
if (headings.length > 0) {
	let queued = false;
	const schedule = () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(() => ((queued = false), mark()));
	};
	addEventListener('scroll', schedule, { passive: true });
	addEventListener('resize', schedule);
	mark();
}
addEventListener('hashchange', () => {
	closeOverlays();
	land();
	if (headings.length > 0) mark();
});
