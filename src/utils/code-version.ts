import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const versions = new Map<string, string>();

/**
 * The version of the code that builds the site: every file of src/ (pages,
 * components, plugins, schemas, styles and all they import), the lockfile
 * (the versions of Astro, MDX, remark, rehype-citation, citeproc) and
 * Node's own version (its Intl data formats dates). Any change to one of
 * them is a new version; read once a process for each project.
 *
 * Compiled briefs are kept by it (plugins/mdx-cache.ts), and the Markdown
 * processor carries it (plugins/index.ts), so that Astro, which writes the
 * processor into the digests of its content store and of its reused pages,
 * parses every brief's frontmatter again and renders every page again when
 * the code changes: a new schema, a style added to one page that changes
 * the policy of all, a component.
 */
export function codeVersion(root: string): string {
	const known = versions.get(root);
	if (known) return known;
	const src = fileURLToPath(new URL('..', import.meta.url));
	const files = readdirSync(src, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		// Not an editor's or a system's hidden files or folders (.swp, .DS_Store), which would make every build a new version.
		.filter(
			(file) =>
				!path
					.relative(src, file)
					.split(path.sep)
					.some((part) => part.startsWith('.')),
		)
		.sort();
	const hash = createHash('sha256');
	for (const file of files) hash.update(path.relative(src, file)).update('\0').update(readFileSync(file)).update('\0');
	try {
		hash.update(readFileSync(path.join(root, 'package-lock.json')));
	} catch {
		hash.update('no lockfile');
	}
	const version = hash.update('\0').update(process.version).digest('hex');
	versions.set(root, version);
	return version;
}
