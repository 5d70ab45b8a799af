import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
	/** The path the site is served under, as on a GitHub Pages project site: `/research/`. Anything outside it is a 404. */
	base?: string;
	/** Send the headers `dist/_headers` names (as Netlify and Cloudflare Pages do), e.g. the Content-Security-Policy. */
	headers?: boolean;
}

/** The rules of a `_headers` file: a path (`/*` matches every path under it) and the headers sent for it. */
async function headerRules(dir: string): Promise<{ pattern: string; headers: [string, string][] }[]> {
	const rules: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of (await readFile(path.join(dir, '_headers'), 'utf8')).split('\n')) {
		if (/^\S/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else if (line.trim()) {
			const [name, ...value] = line.trim().split(':');
			rules.at(-1)?.headers.push([name!, value.join(':').trim()]);
		}
	}
	return rules;
}

/**
 * Serves a built site on 127.0.0.1 as a static host would, with its 404
 * page, at the root or under `base`. Its `url` has no final slash, so that
 * `url + '/briefs/…/'` is a page's address.
 */
export async function serve(
	dir: string,
	{ base = '/', headers = false }: ServeOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
	const rules = headers ? await headerRules(dir) : [];
	const respond = async (request: IncomingMessage, response: ServerResponse) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const sitePath = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
		let file = path.join(dir, sitePath ?? '/404.html');
		if (!file.startsWith(dir)) return void response.writeHead(403).end();
		let status = sitePath === undefined ? 404 : 200;
		try {
			if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
			await stat(file);
		} catch {
			file = path.join(dir, '404.html');
			status = 404;
		}
		for (const { pattern, headers } of rules) {
			const matches = pattern.endsWith('*') ? (sitePath ?? '/').startsWith(pattern.slice(0, -1)) : sitePath === pattern;
			if (matches) for (const [name, value] of headers) response.setHeader(name, value);
		}
		response.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	};
	const server: Server = createServer((request, response) => void respond(request, response));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base.replace(/\/$/, '')}`,
		// Every connection closed, not only the idle ones: the worker's kept tabs (tests/browser/setup.ts) outlive the file that
		// served them, and a connection Chromium keeps open to a server it used, with no request on it, held close() for good.
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
