import { strings } from '../ui/strings.ts';
import { toast } from './copy.ts';

const ORDER = ['', 'light', 'dark'] as const;

/**
 * The theme button cycles: the system's setting, light, dark. The choice is
 * remembered (localStorage) and applied before the first paint by the inline
 * script in the page head, so there is no flash of the wrong theme.
 */
export function click(): void {
	const root = document.documentElement;
	const next = ORDER[(ORDER.indexOf((root.dataset['theme'] ?? '') as (typeof ORDER)[number]) + 1) % ORDER.length]!;
	if (next) root.dataset['theme'] = next;
	else delete root.dataset['theme'];
	try {
		if (next) localStorage.setItem('theme', next);
		else localStorage.removeItem('theme');
	} catch {
		// private browsing: the choice lasts for this page only
	}
	toast(strings.themeNames[next || 'system']);
}
