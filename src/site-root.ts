import { fileURLToPath } from 'node:url';

// Imported first by astro.config.ts: tells the site's modules where the project
// is, since once bundled into the build their own URLs no longer say.
process.env['SOURCED_ROOT'] ??= fileURLToPath(new URL('..', import.meta.url));
