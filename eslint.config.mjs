// ESLint flat config. Not type-checked on purpose: `tsc --noEmit` already does the type work,
// so this stays fast. STYLE.md: "strict types and tooling do the nagging".
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'engine/.cache/**',
      'engine/data/**',
      'engine/run/**',
      'e2e/output/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      eqeqeq: ['error', 'always'],
      // `_`-named and rest-sibling bindings are how the code drops a field on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // App code imports through the `@/` alias, never `../` (HyperDX's rule): moving a file
    // does not break its imports and a reader sees where a module lives at a glance.
    files: ['app/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', '../**'], message: 'Import through the @/ alias instead of a parent-relative path.' }] },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
);
