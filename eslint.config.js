// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {connectorBoundaries} from './eslint/connector-boundaries.js';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'out/', 'coverage/', '**/generated/', '.synthnlu/']},
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {parserOptions: {projectService: false}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': ['error', {allow: ['error', 'warn']}],
    },
  },
  {
    // Type-aware, for the promise rules: an un-awaited write or push is a lost error and a half-done command.
    files: ['**/*.ts'],
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off'},
  },
  {
    // Examples are plain Node.js programs a user runs and copies (examples/agents-sdk/).
    files: ['examples/**/*.mjs'],
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
    rules: {'no-console': 'off'},
  },
  {
    // A platform is one folder that sees only the connector kit (CONTRIBUTING.md, "Adding a connector").
    files: ['connectors/**', 'test/fixtures/connector-plugin/**'],
    plugins: {synthnlu: {rules: {'connector-boundaries': connectorBoundaries}}},
    rules: {
      'synthnlu/connector-boundaries': [
        'error',
        {parents: ['connectors', 'test/fixtures'], kit: 'src/connector-kit.ts'},
      ],
    },
  },
);
