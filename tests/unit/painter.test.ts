import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cardFile, cardSvg } from '../../src/sharing/card.ts';
import { CardPainter } from '../../src/sharing/painter.ts';
import { root } from '../helpers/build.ts';
import { temporaryFolders } from '../helpers/temporary.ts';

const folders = temporaryFolders();
const folder = () => folders('sourced-painter-');
const text = (title: string) => ({ site: 'Sourced', title, byline: 'Sourced editorial team · 29 November 2026' });

it('holds the cards it is handed until the briefs are compiled, then draws each once on its thread', async () => {
	const paths = { root, cache: folder() };
	const painter = new CardPainter(paths);
	painter.paint(text('A first brief'));
	painter.paint(text('A second brief'));
	painter.paint(text('A first brief'));
	// Held while the build's threads compile (a held card is never drawn: below), sent when they are done.
	painter.start();
	// Handed after the start: sent at once.
	painter.paint(text('A third brief'));
	expect(await painter.close()).toBe(3);
	const drawn = readdirSync(path.join(paths.cache, 'og-images')).sort();
	expect(drawn).toEqual(
		['A first brief', 'A second brief', 'A third brief'].map((title) => path.basename(cardFile(paths, cardSvg(text(title))))).sort(),
	);
});

it('leaves the cards still held at the end of a build that never started it to their pages', async () => {
	const paths = { root, cache: folder() };
	const painter = new CardPainter(paths);
	painter.paint(text('A brief'));
	expect(await painter.close()).toBe(0);
	expect(existsSync(path.join(paths.cache, 'og-images'))).toBe(false);
});
