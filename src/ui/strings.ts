/** Every string a reader sees, in one place. */
export const strings = {
	skipLink: 'Skip to content',
	siteTagline: 'Research briefs in which every claim can be traced to its source.',
	contents: 'Contents',
	notes: 'Notes',
	references: 'References',
	published: 'Published',
	updated: 'Updated',
	topics: 'Topics',
	by: 'By',
	search: 'Search',
	searchPlaceholder: 'Search briefs and sources',
	searchLabel: 'Search briefs and sources',
	searchNoScript: 'Search needs JavaScript. Use the table of contents of each brief, or browse the briefs below.',
	notFoundTitle: 'Page not found',
	notFoundBody: 'There is no page at this address. It may have moved; the briefs are listed on the home page.',
	home: 'All briefs',
	status: {
		verified: 'Verified',
		likely: 'Likely, not confirmed',
		unverified: 'Unverified',
	},
} as const;
