import { strings } from '../ui/strings.ts';
import { toast } from './copy.ts';

/**
 * The theme button cycles: the system's setting, then the opposite of what
 * the system shows (so that the first click always changes the page), then
 * the other one. The choice is remembered (localStorage) and applied before
 * the first paint by the inline script in the page head, so there is no
 * flash of the wrong theme. The button's text, and so its name, is the
 * state chosen on <html> (global.css).
 */
export function click(): void {
	const root = document.documentElement;
	const order = matchMedia('(prefers-color-scheme: dark)').matches ? (['', 'light', 'dark'] as const) : (['', 'dark', 'light'] as const);
	const now = (root.dataset['theme'] || '') as (typeof order)[number];
	const next = order[(order.indexOf(now) + 1) % order.length]!;
	root.dataset['theme'] = next;
	try {
		if (next) localStorage.setItem('theme', next);
		else localStorage.removeItem('theme');
	} catch {
		// private browsing: the choice lasts for this page only
	}
	// The toast says what the button now says, in its words: "Theme: Dark".
	toast(`${strings.themeLabel} ${strings.themeStates[next || 'system']}`);
}
