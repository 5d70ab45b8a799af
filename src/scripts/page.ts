/**
 * Page enhancements, loaded on the first scroll or when the address has a
 * fragment: landing where the browser could not scroll by itself, and the
 * table of contents following the section being read.
 */

// An unmatched text fragment (`#id:~:text=…`), or a target in a closed <details>.
function land() {
	const target = document.getElementById(decodeURIComponent(location.hash.slice(1)).split(':~:')[0]!);
	if (!target) return;
	target.closest('details')?.setAttribute('open', '');
	const { top } = target.getBoundingClientRect();
	if (top < 0 || top > innerHeight) target.scrollIntoView();
}
land();
addEventListener('hashchange', land);

// The contents mark the section whose heading was passed last (aria-current), as the reader scrolls.
const links = new Map([...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
function mark() {
	let current: HTMLElement | undefined;
	for (const heading of headings) if (heading.getBoundingClientRect().top < innerHeight * 0.3) current = heading;
	for (const [id, link] of links) {
		if (id === current?.id) link.setAttribute('aria-current', 'location');
		else link.removeAttribute('aria-current');
	}
}
if (headings.length > 0) {
	let queued = false;
	addEventListener('scroll', () => {
		if (queued) return;
		queued = true;
		requestAnimationFrame(() => ((queued = false), mark()));
	}, { passive: true });
	mark();
}
