/**
 * citeproc's HTML output styles text with `style` attributes (small caps,
 * "normal" inside italics, underline), which the site's
 * Content-Security-Policy blocks (no inline styles). Each becomes a class,
 * styled in src/styles/global.css:
 *
 *   <span style="font-variant:small-caps;">Smith</span>  →  <span class="small-caps">Smith</span>
 */
const CLASSES: Record<string, string> = {
	'font-variant:small-caps': 'small-caps',
	'font-variant:normal': 'normal-caps',
	'font-style:normal': 'normal-style',
	'font-weight:normal': 'normal-weight',
	'text-decoration:none': 'no-decoration',
	'text-decoration:underline': 'underline',
	'white-space:nowrap': 'nowrap',
	baseline: 'baseline',
};

const STYLE = /<span style="([^"]*)">/g;

export function classesForStyles(html: string): string {
	if (!html.includes('style="')) return html;
	return html.replace(STYLE, (tag, style: string) => {
		const names = style
			.split(';')
			.map((rule) => rule.replace(/\s+/g, ''))
			.filter(Boolean)
			.map((rule) => CLASSES[rule]);
		if (names.some((name) => name === undefined)) throw new Error(`citeproc produced a style Sourced cannot map to a class: ${tag}`);
		return `<span class="${names.join(' ')}">`;
	});
}

/** Every inline style citeproc's HTML output can emit, for tests. */
export const MAPPED_STYLES = Object.keys(CLASSES);
