import type { AstroIntegration } from 'astro';
import type { CardPainter } from '../sharing/painter.ts';

/** Waits, at the end of the build, for the cards the painter was sent, and says how many it drew beside the build. */
export function sharingCards(painter: CardPainter): AstroIntegration {
	return {
		name: 'sourced:sharing-cards',
		hooks: {
			'astro:build:done': async ({ logger }) => {
				const drawn = await painter.close();
				if (drawn > 0) logger.info(`${drawn} sharing card${drawn === 1 ? '' : 's'} drawn beside the build.`);
			},
		},
	};
}
