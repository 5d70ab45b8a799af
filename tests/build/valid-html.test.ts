import { readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { distOf } from '../helpers/sites.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each(['site', 'citations', 'figures', 'untrusted', 'research', 'evidence'] as const)('HTML of the %s build', (name) => {
	const pages = readdirSync(distOf(name), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.html') && !d.parentPath.includes('pagefind'))
		.map((d) => path.join(d.parentPath, d.name));

	it.each(pages.map((p) => path.relative(distOf(name), p)))('%s is valid (html-validate, recommended rules)', async (file) => {
		const report = await validator.validateFile(path.join(distOf(name), file));
		const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
		expect(messages, `config: ${path.join(root, '.htmlvalidate.json')}`).toEqual([]);
	});
});
