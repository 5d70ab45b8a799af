import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { strings } from '../ui/strings.ts';
import { rehypeCitationParents } from './rehype-citation-parents.ts';
import { rehypeCitations } from './rehype-citations.ts';
import { rehypeReferences } from './rehype-references.ts';
import { remarkCitationLint } from './remark-citation-lint.ts';

/**
 * The Markdown pipeline of every brief. Order matters: lint before
 * rehype-citation (which would leave bad keys as text), parents fixed
 * before it, references built after it.
 */
export const markdownProcessor = () =>
	unified({
		gfm: false,
		remarkPlugins: [remarkGfm, remarkCitationLint],
		remarkRehype: {
			footnoteLabel: strings.notes,
			footnoteLabelProperties: { className: ['footnotes-heading'] },
			clobberPrefix: '',
		},
		rehypePlugins: [rehypeHeadingIds, rehypeCitationParents, rehypeCitations, rehypeReferences],
	});
