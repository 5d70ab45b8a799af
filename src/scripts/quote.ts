import { strings } from '../ui/strings.ts';
import { anchorUrl, toast } from './copy.ts';

/**
 * "Copy link to quote": while text is selected in the article, a button
 * beside the selection copies the nearest anchor plus a text fragment
 * (`#id:~:text=…`), which browsers that support fragments highlight; the
 * bootstrap lands the others on the anchor.
 */
const article = document.querySelector('article')!;
const button = Object.assign(document.createElement('button'), {
	type: 'button',
	className: 'quote-link',
	textContent: strings.copyQuoteLink,
});
button.hidden = true;
document.body.append(button);

let link = '';

/** `text=start,end` for long quotes, the whole (encoded) text for short ones. */
export function textDirective(quote: string): string {
	const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
	const words = quote.replace(/\s+/g, ' ').trim().split(' ');
	if (words.length <= 8) return `text=${enc(words.join(' '))}`;
	return `text=${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
}

function update() {
	const selection = getSelection();
	const quote = String(selection).trim();
	const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
	const start = range?.startContainer.parentElement;
	const anchor = start?.closest<HTMLElement>('p[id], li[id], h2[id], h3[id], h4[id], td[id], blockquote[id], figure[id], table[id]');
	if (!quote || !range || !anchor || !article.contains(anchor)) {
		button.hidden = true;
		return;
	}
	link = `${anchorUrl(anchor.id)}:~:${textDirective(quote)}`;
	const box = range.getBoundingClientRect();
	button.style.top = `${box.bottom + scrollY + 6}px`;
	button.style.left = `${Math.max(8, Math.min(box.left + scrollX, innerWidth - 200))}px`;
	button.hidden = false;
}

/** Copies the link to the selected text, then hides the button. */
async function copyLink(): Promise<void> {
	try {
		await navigator.clipboard.writeText(link);
		toast(strings.quoteCopied);
	} catch {
		toast(strings.copyFailed);
	}
	button.hidden = true;
}
button.addEventListener('pointerdown', (e) => e.preventDefault()); // keep the selection
button.addEventListener('click', () => void copyLink());
document.addEventListener('selectionchange', update);
update();
