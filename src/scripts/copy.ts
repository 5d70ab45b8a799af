import { strings } from '../ui/strings.ts';

/** The absolute address of an anchor on this page, without any search or highlight. */
export const anchorUrl = (id: string) => `${location.origin}${location.pathname}#${id}`;

/**
 * Copies for a `[data-copy]` button: `data-copy="#id"` the address of that
 * anchor, `data-copy="id"` the text of that element. The page's toast says
 * what happened, on screen and to screen readers.
 */
export async function click(button: Element): Promise<void> {
	const what = button.getAttribute('data-copy') ?? '';
	const text = what.startsWith('#') ? anchorUrl(what.slice(1)) : (document.getElementById(what)?.textContent?.trim() ?? '');
	try {
		await navigator.clipboard.writeText(text);
		toast(what.startsWith('#') ? strings.linkCopied : strings.copied);
	} catch {
		toast(strings.copyFailed);
	}
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(message: string): void {
	const el = document.getElementById('toast');
	if (!el) return;
	el.textContent = message;
	clearTimeout(timer);
	timer = setTimeout(() => (el.textContent = ''), 4000);
}
