// Lint rules: typescript-eslint's recommended set on the whole tree; formatting is Prettier's
// job, so rules that would fight it are switched off (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.neo4j/', '.neo4j-*/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The character policy and its tests match control characters on purpose.
    files: [
      'src/ingest/character-policy.ts',
      'src/ingest/read-article-source.ts',
      'tests/unit/read-article-source.test.ts',
    ],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read the data of the GraphQL query they wrote; typing each shape would restate the query.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Written by GraphQL Code Generator (npm run codegen), whose output uses `any` in its helpers.
    files: ['src/graphql/generated/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
