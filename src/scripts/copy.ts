import { strings } from '../ui/strings.ts';

/**
 * Copies what a `<copy-button>` points at (`data-target`: an element's text,
 * or `data-text`) and says so in a live region beside the button.
 */
export async function copy(button: Element): Promise<void> {
	const host = button.closest('copy-button') as HTMLElement;
	const id = host.dataset['target'];
	const text = host.dataset['text'] ?? (id ? document.getElementById(id)?.textContent?.trim() : '') ?? '';
	let status = host.querySelector('.copy-status');
	if (!status) {
		status = Object.assign(document.createElement('span'), { className: 'copy-status' });
		status.setAttribute('role', 'status');
		host.append(status);
	}
	try {
		await navigator.clipboard.writeText(text);
		status.textContent = host.dataset['copied'] ?? strings.copied;
	} catch {
		status.textContent = strings.copyFailed;
	}
	setTimeout(() => status.replaceChildren(), 4000);
}
