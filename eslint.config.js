// Typed linting of every TypeScript file (`npm run lint`): typescript-eslint's recommended rules with type information,
// from the project's own tsconfig.json through the project service. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/', '.dist-*/', '.astro/', 'node_modules/', 'tests/.out/', 'public/'] },
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			// `_` names a parameter a callback must take and does not use.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// The legacy URL-style globals: a missing local `escape` silently became the global one (spaces as %20 in an entry).
			'no-restricted-globals': [
				'error',
				{ name: 'escape', message: 'Use escapeHtml (src/utils/html.ts) or encodeURIComponent.' },
				{ name: 'unescape', message: 'Use decodeURIComponent.' },
			],
		},
	},
	{
		// Vitest's asymmetric matchers (expect.stringContaining …) are typed `any`; what a test reads is typed where it is used.
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
	},
	{ files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
