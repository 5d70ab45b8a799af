import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { briefSchema, datesAsWritten } from './schemas/brief.ts';
import { paths } from 'virtual:sourced/config';

const briefs = defineCollection({
	loader: datesAsWritten(glob({ base: `${paths.content}/briefs`, pattern: '**/*.mdx', retainBody: false })),
	schema: briefSchema,
});

export const collections = { briefs };
