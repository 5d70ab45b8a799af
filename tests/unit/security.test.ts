import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { headOf } from '../../src/integrations/security.ts';

const folders: string[] = [];
afterAll(() => {
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const file = (text: string) => {
	const folder = mkdtempSync(path.join(tmpdir(), 'security-head-'));
	folders.push(folder);
	const name = path.join(folder, 'index.html');
	writeFileSync(name, text);
	return name;
};

it('reads a page up to the end of its head, across reads and characters of several bytes', () => {
	// A head longer than one read (16 KB), with a character of three bytes astride the boundary of the reads.
	const head = `<head><meta http-equiv="content-security-policy" content="script-src 'self'"><title>${'x'.repeat(16_383)}中文</title>`;
	const page = file(`<!DOCTYPE html><html>${head}</head><body><p>${'body '.repeat(10_000)}</p></body></html>`);
	expect(headOf(page)).toBe(`<!DOCTYPE html><html>${head}`);
});

it('reads a page with no head end whole', () => {
	expect(headOf(file('<p>no head, café</p>'))).toBe('<p>no head, café</p>');
});
