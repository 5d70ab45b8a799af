import { registerHooks } from 'node:module';

const REHYPE_CITATION = /^rehype-citation\/node\/(.+)$/;

/**
 * Lets Node itself (its type stripping, not Vite) load the plugins of this
 * thread. They import `rehype-citation/node/src/generator.js`, a path in a
 * folder mapping of that package's `exports` (`./node/` → `./dist/node/`)
 * that Vite resolves and Node no longer reads; this maps it as Vite does.
 * Hooks are the calling thread's own: each thread that loads the plugins
 * without Vite calls this first, before it imports them.
 */
export function mapPackageFolders(): void {
	registerHooks({
		resolve(specifier, context, next) {
			const folder = REHYPE_CITATION.exec(specifier);
			if (!folder) return next(specifier, context);
			const main = import.meta.resolve('rehype-citation');
			return next(new URL(`./${folder[1]}`, main).href, context);
		},
	});
}
