import { afterEach, expect, it, vi } from 'vitest';

// The site's address is read once, when site.config.ts is loaded: load it afresh for each address.
async function urls(address: string) {
	vi.resetModules();
	vi.stubEnv('SOURCED_SITE', address);
	return import('../../src/utils/url.ts');
}

afterEach(() => vi.unstubAllEnvs());

it('finds the base path in the address, with or without a final slash', async () => {
	const { basePath } = await urls('https://example.org');
	expect(basePath('https://example.org')).toBe('/');
	expect(basePath('https://example.org/research')).toBe('/research/');
	expect(basePath('https://user.github.io/repo/')).toBe('/repo/');
});

it('leaves site paths as they are on a site at the root of its host', async () => {
	const { withBase, absoluteUrl } = await urls('https://example.org');
	expect(withBase('/')).toBe('/');
	expect(withBase('/references/#source-a')).toBe('/references/#source-a');
	expect(absoluteUrl('/briefs/a/')).toBe('https://example.org/briefs/a/');
});

it('puts every site path under the base path of a site served under a path', async () => {
	const { withBase, absoluteUrl } = await urls('https://example.org/research');
	expect(withBase('/')).toBe('/research/');
	expect(withBase('/briefs/a/cite.bib')).toBe('/research/briefs/a/cite.bib');
	expect(absoluteUrl('/')).toBe('https://example.org/research/');
	expect(absoluteUrl('/briefs/a/#p1')).toBe('https://example.org/research/briefs/a/#p1');
	// Not site paths: left alone.
	expect(withBase('#p1')).toBe('#p1');
	expect(withBase('https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
	expect(withBase('//cdn.example/x')).toBe('//cdn.example/x');
});
