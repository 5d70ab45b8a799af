import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersions } from './package-versions.ts';

const versions = new Map<string, string>();

/**
 * What says which packages are installed, for each package manager: its
 * lockfile in the project, and what it writes into node_modules as it
 * installs (npm's hidden lockfile, pnpm's). Any that exists is part of the
 * version. A project with none of them (a lockfile not committed, or
 * deleted) still has PIPELINE's versions.
 */
const INSTALL_RECORDS = [
	'package-lock.json',
	'npm-shrinkwrap.json',
	'pnpm-lock.yaml',
	'yarn.lock',
	'bun.lock',
	'bun.lockb',
	'node_modules/.package-lock.json',
	'node_modules/.pnpm/lock.yaml',
];

/** The packages whose code writes a compiled brief, by their installed versions: an upgrade of one compiles every brief again. */
const PIPELINE = [
	'astro',
	'@astrojs/mdx',
	'@astrojs/markdown-remark',
	'@mdx-js/mdx',
	'remark-gfm',
	'remark-rehype',
	'retext-smartypants',
	'rehype-citation',
	'citeproc',
	'@citation-js/core',
	'@citation-js/plugin-bibtex',
	'@citation-js/plugin-csl',
	'shiki',
	'hast-util-to-html',
];

/**
 * The version of the code that builds the site: every file of src/ (pages,
 * components, plugins, schemas, styles and all they import), the installed
 * packages (INSTALL_RECORDS, and the installed versions of the packages
 * that write a brief, PIPELINE) and Node's own version (its Intl data
 * formats dates). Any change to one of them is a new version; read once a
 * process for each project.
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
	for (const record of INSTALL_RECORDS) {
		try {
			hash
				.update(record)
				.update('\0')
				.update(readFileSync(path.join(root, record)))
				.update('\0');
		} catch {
			// Not this package manager's.
		}
	}
	hash.update(packageVersions(root, PIPELINE));
	const version = hash.update('\0').update(process.version).digest('hex');
	versions.set(root, version);
	return version;
}
