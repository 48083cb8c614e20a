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
    // Long and tangled functions (issue 26 item 7): a function of more than 100 lines (blank lines and comments
    // not counted) or with more than 40 paths through it is split into named steps or made table-driven.
    files: ['src/**/*.ts', 'connectors/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', {max: 100, skipBlankLines: true, skipComments: true}],
      complexity: ['error', 40],
    },
  },
  {
    // The offenders left when the rules came in, each named with its size then: split them when next changed,
    // and take the file off this list.
    files: [
      'src/commands/evaluate.ts', // EvaluateCommand.run: 186 lines
      'src/conformance/sample-dataset.ts', // conformanceDataset: 112 lines (a literal dataset)
      'src/conformance/suite.ts', // defineConformanceSuite: 166 lines, its describe callback 118
      'src/generate/auto-mix.ts', // chooseAutoMix: 106 lines
      'connectors/lex/export.ts', // buildLocale: 207 lines, complexity 91
      'connectors/lex/remote/session.ts', // LexSession.apply: 173 lines, complexity 42
    ],
    rules: {'max-lines-per-function': 'off', complexity: 'off'},
  },
  {
    files: [
      'connectors/botframework/lu/write.ts', // luisAppToLu: complexity 47
      'src/lang/en/families/style.ts', // the colloquial family's apply: complexity 43
      'src/lang/shared/lead-in-clause.ts', // analyzeLeadIn: complexity 41
      'src/load/yaml-indentation.ts', // findIndentationMistake: complexity 52
    ],
    rules: {complexity: 'off'},
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
