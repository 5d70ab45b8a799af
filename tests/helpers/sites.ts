import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { outRoot } from './build.ts';
import type { SiteName } from './global-setup.ts';

interface Built {
	code: number | null;
	output: string;
}

/** The result of a build made by the global setup. */
export function built(name: SiteName): Built {
	const all = JSON.parse(readFileSync(path.join(outRoot, 'builds.json'), 'utf8')) as Record<string, Built>;
	const result = all[name];
	if (!result) throw new Error(`no build named ${name}`);
	return result;
}

export const distOf = (name: SiteName) => path.join(outRoot, name, 'dist');

/** A built page parsed with a real HTML parser. */
export function page(name: SiteName, urlPath: string): Document {
	const file = path.join(distOf(name), urlPath.replace(/\/$/, '/index.html'));
	return parseHTML(readFileSync(file, 'utf8')).document;
}

export const html = (name: SiteName, urlPath: string) =>
	readFileSync(path.join(distOf(name), urlPath.replace(/\/$/, '/index.html')), 'utf8');
