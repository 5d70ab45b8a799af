/**
 * `<copy-button data-target="id">` (or `data-text="…"`) around a disabled
 * `<button>`: enables it, and copies the target's text with a visible,
 * announced confirmation.
 */
class CopyButton extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector('button');
		if (!button) return;
		const status = document.createElement('span');
		status.className = 'copy-status';
		status.setAttribute('role', 'status');
		this.append(status);
		button.disabled = false;
		button.addEventListener('click', async () => {
			const id = this.dataset['target'];
			const target = id ? document.getElementById(id) : null;
			const text = this.dataset['text'] ?? target?.textContent?.trim() ?? '';
			try {
				await navigator.clipboard.writeText(text);
				status.textContent = this.dataset['copied'] ?? 'Copied to the clipboard';
			} catch {
				status.textContent = this.dataset['failed'] ?? 'Could not copy; select the text instead';
			}
			setTimeout(() => (status.textContent = ''), 4000);
		});
	}
}

if (!customElements.get('copy-button')) customElements.define('copy-button', CopyButton);
