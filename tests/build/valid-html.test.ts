import { readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { distOf, ready } from '../helpers/sites.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(['site', 'combined', 'research'] as const)('HTML of the %s build', (name) => {
	it('is valid on every page (html-validate, recommended rules)', async () => {
		await ready(name);
		const pages = readdirSync(distOf(name), { recursive: true, withFileTypes: true })
			.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
			.map((d) => path.join(d.parentPath, d.name));
		expect(pages.length).toBeGreaterThan(10);
		const messages: string[] = [];
		for (const file of pages) {
			const report = await validator.validateFile(file);
			const where = path.relative(distOf(name), file);
			messages.push(
				...report.results.flatMap((r) =>
					r.messages
						// The fixture's BibTeX keys (knuth:mf, wilson/intimate-2004) name ids, as HTML allows and Pandoc does; the strict rule wants [\w-] only.
						.filter(
							(m) =>
								!(
									name === 'combined' &&
									m.ruleId === 'valid-id' &&
									/must only contain letters, digits, dash and underscore/.test(m.message)
								),
						)
						.map((m) => `${where}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
				),
			);
		}
		expect(messages, `config: ${path.join(root, '.htmlvalidate.json')}`).toEqual([]);
	});
});
