import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownConfigDefaults, parseFrontmatter, unified as astroUnified } from '@astrojs/markdown-remark';
import type { Element, Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { CitationStage } from '../../src/citations/stage.ts';
import { resolveConfig } from '../../src/integration/config.ts';
import { markdownProcessor } from '../../src/plugins/index.ts';
import { root } from './build.ts';

/** What one brief became: the HTML of its body as our plugins left it, and the file's warnings. */
export interface Rendered {
	html: string;
	messages: VFile['messages'];
	/** The file as the last plugin left it: `file.data` holds what the plugins found. */
	file: VFile;
}

/** The site's configuration with every default, over this project (as `sourced()` resolves it in a build). */
export const config = resolveConfig({}, { root, cacheDir: path.join(root, 'node_modules/.astro') });

/** A citation stage that keeps its work in memory (no cache directory), shared by every render of a test file. */
export const stage = new CitationStage({ locale: config.citations.locale });

/** What the last of our plugins handed on, by the frontmatter object the brief was rendered with. */
const captured = new WeakMap<object, { tree: Root; file: VFile }>();

/** Runs after every plugin of ours, before Astro's own turn the tree into JavaScript: keeps a copy of the tree. */
const capture = () => (tree: Root, file: VFile) => {
	const frontmatter = (file.data as { astro?: { frontmatter?: object } }).astro?.frontmatter;
	if (frontmatter) captured.set(frontmatter, { tree: structuredClone(tree), file });
};

/** An MDX node as the tree holds it: JSX elements with their attributes, ESM, expressions. */
interface MdxNode {
	type: string;
	name?: string | null;
	value?: string;
	attributes?: { type: string; name?: string; value?: string | null | { value: string } }[];
	children?: MdxNode[];
}

/**
 * The tree as HTML shows it: MDX's JSX elements as the elements they name, an
 * expression (an attribute's or a block's) as `{its code}`, imports and exports left out.
 */
function asHtml(node: MdxNode): Nodes | undefined {
	if (node.type === 'mdxjsEsm') return undefined;
	if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return { type: 'text', value: `{${node.value ?? ''}}` };
	const children = node.children?.flatMap((child) => asHtml(child) ?? []) as Element['children'] | undefined;
	if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
		const properties = Object.fromEntries(
			(node.attributes ?? []).map((a) => [
				a.name ?? '',
				typeof a.value === 'object' && a.value !== null ? `{${a.value.value}}` : (a.value ?? ''),
			]),
		);
		return { type: 'element', tagName: node.name ?? 'template', properties, children: children ?? [] };
	}
	return (children ? { ...node, children } : node) as Nodes;
}

type MdxRenderer = Awaited<ReturnType<NonNullable<ReturnType<typeof astroUnified>['createMdxRenderer']>>>;

let renderer: Promise<MdxRenderer> | undefined;

/**
 * Astro's own MDX renderer (the one @astrojs/mdx compiles every `.mdx` with),
 * made by the site's `markdown.processor` as astro.config.ts configures it, with
 * the options @astrojs/mdx hands it; the only addition is `capture` at the end.
 */
function mdxRenderer(): Promise<MdxRenderer> {
	renderer ??= (async () => {
		const { options } = markdownProcessor({ config, stage });
		const processor = astroUnified({ ...options, rehypePlugins: [...options.rehypePlugins, capture] });
		const shared = {
			syntaxHighlight: markdownConfigDefaults.syntaxHighlight,
			shikiConfig: markdownConfigDefaults.shikiConfig,
			...(options.gfm === undefined ? {} : { gfm: options.gfm }),
			...(options.smartypants === undefined ? {} : { smartypants: options.smartypants }),
		};
		return processor.createMdxRenderer!(shared, { optimize: true, srcDir: new URL('src/', `file://${root}/`), sourcemap: false });
	})();
	return renderer;
}

/** Renders MDX (without its frontmatter) at `file` through the production pipeline; a problem rejects with its message. */
export async function renderMdx(content: string, file: string, frontmatter: Record<string, unknown>): Promise<Rendered> {
	const own = { ...frontmatter };
	await (await mdxRenderer()).process(content, file, own);
	const result = captured.get(own);
	if (!result) throw new Error(`${file}: the pipeline finished without reaching the last plugin`);
	return {
		html: unified()
			.use(rehypeStringify)
			.stringify(asHtml(result.tree) as Root),
		messages: result.file.messages,
		file: result.file,
	};
}

/**
 * Renders `briefs/<name>.mdx` of a fixture folder as a build over that folder
 * does: frontmatter read by Astro's reader (blank lines kept, so that lines
 * and columns are the file's), the bibliography and a style file found in the
 * fixture folder.
 */
export async function renderBrief(content: string, name: string): Promise<Rendered> {
	const file = path.join(content, 'briefs', `${name}.mdx`);
	const parsed = parseFrontmatter(await readFile(file, 'utf8'), { frontmatter: 'empty-with-spaces' });
	const frontmatter: Record<string, unknown> = { ...parsed.frontmatter };
	const bibliography = frontmatter['bibliography'];
	frontmatter['bibliography'] = path.join(content, typeof bibliography === 'string' ? bibliography : 'bibliography.bib');
	if (typeof frontmatter['csl'] === 'string' && frontmatter['csl'].endsWith('.csl'))
		frontmatter['csl'] = path.join(content, frontmatter['csl']);
	return renderMdx(parsed.content, file, frontmatter);
}
