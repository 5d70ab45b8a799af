import type { Root } from 'hast';
import type { Transformer } from 'unified';
import { calendarDate } from '../schemas/brief.ts';
import { cardByline } from '../sharing/card.ts';
import type { CardPainter } from '../sharing/painter.ts';
import { frontmatterOf } from './frontmatter.ts';

/**
 * Sends the brief's sharing card to the build's painter (sharing/painter.ts)
 * as soon as the brief is compiled, so that it is drawn on another thread
 * while the build goes on; the tree is left as it is. A draft has no card;
 * frontmatter the schema will refuse is left to it.
 *
 *   title: "Internet Plus", authors: [{ name: "A. Author" }], published: 2026-11-29
 *   → painter.paint({ site: "Sourced", title: "Internet Plus", byline: "A. Author · 29 November 2026" })
 */
export function rehypeSharingCard({ painter, site }: { painter: Pick<CardPainter, 'paint'>; site: string }): Transformer<Root> {
	return (_, file) => {
		const { title, authors, published, draft } = frontmatterOf(file);
		const date = calendarDate.safeParse(published);
		if (draft === true || typeof title !== 'string' || !Array.isArray(authors) || !date.success) return;
		const named = authors.filter((author): author is { name: string } => typeof (author as { name?: unknown })?.name === 'string');
		if (named.length !== authors.length) return;
		painter.paint({ site, title, byline: cardByline(named, date.data) });
	};
}
