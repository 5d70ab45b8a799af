import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy source allowing one inline script or style:
 * the SHA-256 of its exact text. A component that writes an inline block
 * hands this to `Astro.csp.insertScriptHash` or `insertStyleHash`
 * (integrations/security.ts).
 */
export const cspHash = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text).digest('base64')}`;
