import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { cardSvg } from '../../src/sharing/card.ts';
import { encodeOpaquePng } from '../../src/sharing/png.ts';

/** The pixels of a PNG as resvg's own decoder reads them: an SVG showing it at its size. */
function decoded(png: Buffer, width: number, height: number): Buffer {
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
		`<image href="data:image/png;base64,${png.toString('base64')}" width="${width}" height="${height}"/></svg>`;
	return Buffer.from(new Resvg(svg).render().pixels);
}

describe('encodeOpaquePng', () => {
	it('writes a card as a PNG that decodes to the same pixels, smaller than resvg writes it', () => {
		const fontFiles = ['400Regular/SourceSerif4_400Regular.ttf', '700Bold/SourceSerif4_700Bold.ttf'].map((file) =>
			fileURLToPath(new URL(`../../node_modules/@expo-google-fonts/source-serif-4/${file}`, import.meta.url)),
		);
		const text = { site: 'Sourced', title: 'China’s Internet Plus strategy: what the sources support', byline: 'Sourced editorial team' };
		const image = new Resvg(cardSvg(text), { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Source Serif 4' } }).render();
		const png = encodeOpaquePng(image.width, image.height, image.pixels)!;
		expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
		// 8 bits a sample, colour type 2: RGB, no alpha channel.
		expect([png[24], png[25]]).toEqual([8, 2]);
		expect(decoded(png, 1200, 630).equals(Buffer.from(image.pixels))).toBe(true);
		expect(png.length).toBeLessThan(image.asPng().length);
	});

	it('keeps every pixel of a picture with antialiased edges and colours in every channel', () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="97" height="61"><rect width="97" height="61" fill="#fdfcf9"/>' +
			'<circle cx="40" cy="30" r="23.3" fill="#1d4f91"/><path d="M3 58 L90 4" stroke="#e4572e" stroke-width="2.7"/></svg>';
		const image = new Resvg(svg).render();
		const png = encodeOpaquePng(image.width, image.height, image.pixels)!;
		expect(decoded(png, 97, 61).equals(Buffer.from(image.pixels))).toBe(true);
	});

	it('declines a picture that is not opaque everywhere, which needs its alpha channel', () => {
		const image = new Resvg(
			'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="4" height="8" fill="#000"/></svg>',
		).render();
		expect(encodeOpaquePng(image.width, image.height, image.pixels)).toBeUndefined();
	});

	it('refuses pixels that do not fill the size it is given', () => {
		expect(() => encodeOpaquePng(2, 2, new Uint8Array(12))).toThrow('12 bytes are not 2×2 RGBA pixels');
	});
});
