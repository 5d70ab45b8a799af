import { expect, it } from 'vitest';
import { devFileAddress } from '../../src/integrations/dev-files.ts';

// `astro dev` matches the routes of a brief's files only with a trailing slash; the pages link to them without.
// Addresses as the integration's middleware sees them: Astro has taken the base path (/research/) off them.
it('serves the files a brief page links to at their own addresses in astro dev', () => {
	expect(devFileAddress('/briefs/internet-plus/references.bib')).toBe('/briefs/internet-plus/references.bib/');
	expect(devFileAddress('/briefs/internet-plus/og.png')).toBe('/briefs/internet-plus/og.png/');
	expect(devFileAddress('/briefs/internet-plus/cite.json?download=1')).toBe('/briefs/internet-plus/cite.json/?download=1');
	expect(devFileAddress('/briefs/%C3%BCber/cite.ris')).toBe('/briefs/%C3%BCber/cite.ris/');
});

it('leaves every other address as it is', () => {
	for (const url of [
		'/briefs/internet-plus/',
		'/briefs/internet-plus/og.png/',
		'/briefs/internet-plus',
		'/briefs/a/b/c.png',
		'/briefs//og.png',
		'/favicon.svg',
		'/feed.xml',
		'/_astro/Base.css',
		'/@vite/client',
		'/references/klein2020/',
	])
		expect(devFileAddress(url)).toBe(url);
});
