import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { briefSchema, datesAsWritten } from './schemas/brief.ts';
import { contentDir } from './site.config.ts';

const briefs = defineCollection({
	loader: datesAsWritten(glob({ base: `${contentDir}/briefs`, pattern: '**/*.mdx' })),
	schema: briefSchema,
});

export const collections = { briefs };
