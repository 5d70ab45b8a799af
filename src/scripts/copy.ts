import { strings } from '../ui/strings.ts';

/** The absolute address of an anchor on this page, without any search or highlight. */
export const anchorUrl = (id: string) => `${location.origin}${location.pathname}#${id}`;

/**
 * Copies for a `[data-copy]` button: `data-copy="#id"` the address of that
 * anchor, `data-copy="id"` the text of that element. The page's toast says
 * what happened, on screen and to screen readers. The `[data-block-links]`
 * toggle (components/KeyboardHelp.astro) is handled here too.
 */
export async function click(button: Element): Promise<void> {
	if (button.hasAttribute('data-block-links')) return toggleBlockLinks(button);
	const what = button.getAttribute('data-copy') ?? '';
	const text = what.startsWith('#') ? anchorUrl(what.slice(1)) : (document.getElementById(what)?.textContent?.trim() ?? '');
	try {
		await navigator.clipboard.writeText(text);
		toast(what.startsWith('#') ? strings.linkCopied : strings.copied);
	} catch {
		toast(strings.copyFailed);
	}
}

/**
 * Puts the blocks' copy-link buttons (rehype-link-buttons: out of the Tab
 * order, shown on hover) into the Tab order and in view, or takes them out
 * again: the keyboard's way to copy a link to a paragraph, without a stop per
 * paragraph for every reader.
 */
function toggleBlockLinks(toggle: Element): void {
	const on = toggle.getAttribute('aria-pressed') !== 'true';
	toggle.setAttribute('aria-pressed', String(on));
	document.documentElement.toggleAttribute('data-block-links', on);
	for (const button of document.querySelectorAll<HTMLElement>('.copy-link[tabindex]')) button.tabIndex = on ? 0 : -1;
	toast(on ? strings.blockLinksOn : strings.blockLinksOff);
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string): void {
	const el = document.getElementById('toast');
	if (!el) return;
	el.textContent = message;
	clearTimeout(timer);
	timer = setTimeout(() => (el.textContent = ''), 4000);
}
