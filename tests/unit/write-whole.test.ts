import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../helpers/temporary.ts';
import { replaceWhole, writeWhole } from '../../src/utils/write-whole.ts';

const temporary = temporaryFolders();

describe('replaceWhole (the anchor manifest) and writeWhole (cache files)', () => {
	// Durable (synced to the disk, file and folder) or not, what a reader of the file sees is the same; a power cut is not tested.
	it.each([false, true])(
		'replaces a file with the new text, in a folder it makes, and leaves nothing else beside it (durable: %s)',
		(durable) => {
			const dir = temporary('whole-');
			const file = path.join(dir, 'content', 'anchors.json');
			replaceWhole(file, '{"old":1}', { durable });
			replaceWhole(file, '{"new":2}', { durable });
			expect(readFileSync(file, 'utf8')).toBe('{"new":2}');
			expect(readdirSync(path.dirname(file))).toEqual(['anchors.json']);
		},
	);

	it('throws when the file cannot be replaced, keeping the old one whole and no temporary file; writeWhole only says so', () => {
		const dir = temporary('whole-');
		// A folder where the file should be: the rename fails after the text was written.
		const file = path.join(dir, 'anchors.json');
		mkdirSync(file);
		writeFileSync(path.join(file, 'inside'), 'kept');
		expect(() => replaceWhole(file, '{"new":2}')).toThrow();
		expect(() => replaceWhole(file, '{"new":2}', { durable: true })).toThrow();
		expect(readdirSync(dir)).toEqual(['anchors.json']);
		expect(readFileSync(path.join(file, 'inside'), 'utf8')).toBe('kept');
		expect(writeWhole(file, '{"new":2}')).toBe(false);
		expect(readdirSync(dir)).toEqual(['anchors.json']);
	});
});
