import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const known = new Map<string, string>();

/**
 * The installed version of each package named, as seen from the project at
 * `root`, written `name@version` and joined by spaces (`name@?` for one not
 * found): part of the keys of caches whose files a package writes
 * (citeproc's formatting, resvg's drawing), so that an upgrade never reads
 * back what the old version made. Found as the project's own `require`
 * finds the package, so wherever its package manager put it (npm's and
 * pnpm's `node_modules`, Yarn's Plug'n'Play, which has none); failing that,
 * in `node_modules/<name>` of the root or of a folder above it.
 */
export function packageVersions(root: string, names: readonly string[]): string {
	return names.map((name) => `${name}@${versionOf(root, name)}`).join(' ');
}

type Manifest = { name?: unknown; version?: unknown };

const read = (file: string): Manifest | undefined => {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
	} catch {
		return undefined;
	}
};

/** The version in the manifest of package `name` that holds `file`: the nearest package.json above it with that name (a package may have others inside, `{"type": "module"}` in dist/). */
function owning(file: string, name: string): string | undefined {
	for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
		const manifest = read(path.join(dir, 'package.json'));
		if (manifest?.name === name) return typeof manifest.version === 'string' ? manifest.version : undefined;
	}
	return undefined;
}

/** As the project's `require` resolves it: its manifest when the package lets it be required, else its entry point's. */
function resolved(root: string, name: string): string | undefined {
	const require = createRequire(path.join(path.resolve(root), 'package.json'));
	for (const request of [`${name}/package.json`, name]) {
		try {
			const version = owning(require.resolve(request), name);
			if (version) return version;
		} catch {
			// not exported, or an entry only `import` reaches: the next way
		}
	}
	return undefined;
}

function versionOf(root: string, name: string): string {
	const id = `${root}\0${name}`;
	let version = known.get(id);
	if (version !== undefined) return version;
	version = resolved(root, name) ?? '?';
	for (let dir = path.resolve(root); version === '?'; dir = path.dirname(dir)) {
		const manifest = read(path.join(dir, 'node_modules', name, 'package.json'));
		if (typeof manifest?.version === 'string') version = manifest.version;
		if (path.dirname(dir) === dir) break;
	}
	known.set(id, version);
	return version;
}
