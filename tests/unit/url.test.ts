import { expect, it } from 'vitest';
import { absoluteUrlOn, basePath, withBasePath } from '../../src/utils/site-url.ts';

it('finds the base path in the address, with or without a final slash', () => {
	expect(basePath('https://example.org')).toBe('/');
	expect(basePath('https://example.org/research')).toBe('/research/');
	expect(basePath('https://user.github.io/repo/')).toBe('/repo/');
});

it('leaves site paths as they are on a site at the root of its host', () => {
	expect(withBasePath('/', '/')).toBe('/');
	expect(withBasePath('/', '/references/#source-a')).toBe('/references/#source-a');
	expect(absoluteUrlOn('https://example.org', '/briefs/a/')).toBe('https://example.org/briefs/a/');
});

it('puts every site path under the base path of a site served under a path', () => {
	const base = basePath('https://example.org/research');
	expect(withBasePath(base, '/')).toBe('/research/');
	expect(withBasePath(base, '/briefs/a/cite.bib')).toBe('/research/briefs/a/cite.bib');
	expect(absoluteUrlOn('https://example.org/research', '/')).toBe('https://example.org/research/');
	expect(absoluteUrlOn('https://example.org/research/', '/briefs/a/#p1')).toBe('https://example.org/research/briefs/a/#p1');
	// Not site paths: left alone.
	expect(withBasePath(base, '#p1')).toBe('#p1');
	expect(withBasePath(base, 'https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
	expect(withBasePath(base, '//cdn.example/x')).toBe('//cdn.example/x');
});
