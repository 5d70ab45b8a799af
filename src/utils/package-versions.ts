import { readFileSync } from 'node:fs';
import path from 'node:path';

const known = new Map<string, string>();

/**
 * The installed version of each package named, as seen from the project at
 * `root`, written `name@version` and joined by spaces (`name@?` for one not
 * found): part of the keys of caches whose files a package writes
 * (citeproc's formatting, resvg's drawing), so that an upgrade never reads
 * back what the old version made. Found as Node finds a package: in
 * `node_modules/<name>` of the root or of a folder above it.
 */
export function packageVersions(root: string, names: readonly string[]): string {
	return names.map((name) => `${name}@${versionOf(root, name)}`).join(' ');
}

function versionOf(root: string, name: string): string {
	const id = `${root}\0${name}`;
	let version = known.get(id);
	if (version !== undefined) return version;
	version = '?';
	for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
		try {
			const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
			if (typeof manifest.version === 'string') {
				version = manifest.version;
				break;
			}
		} catch {
			// not installed here: look further up
		}
		if (path.dirname(dir) === dir) break;
	}
	known.set(id, version);
	return version;
}
