import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
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

/** Serves a built site on 127.0.0.1 as a static host would, with its 404 page. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
	const server: Server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		let file = path.join(dir, pathname);
		if (!file.startsWith(dir)) return void response.writeHead(403).end();
		let status = 200;
		try {
			if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
			await stat(file);
		} catch {
			file = path.join(dir, '404.html');
			status = 404;
		}
		response.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
