// ESLint flat config: the recommended rules of ESLint and typescript-eslint for the TypeScript
// sources and tests, and the Node scripts. Formatting is prettier's job, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { ENGINE_LAYERS, FRONT_ENDS } from './eslint.layers.mjs';

// One block per engine folder: it may not import the folders above it (the "Restrict relative
// path imports" blocks of eslint's own eslint.config.js). Type imports count too.
const ENGINE = 'server/src/engine';
const layerBlocks = ENGINE_LAYERS.map((layer, i) => {
  const above = ENGINE_LAYERS.slice(i + 1).filter((l) => l !== 'index');
  const files = layer === 'findings' || layer === 'index' ? [`${ENGINE}/${layer}.ts`] : [`${ENGINE}/${layer}/**/*.ts`];
  const patterns = above.map((l) => ({
    group: [
      `**/engine/${l}`,
      `**/engine/${l}/**`,
      ...(layer === 'findings' ? [`./${l}`, `./${l}/**`] : [`../${l}`, `../${l}/**`, `../../${l}`, `../../${l}/**`]),
    ],
    message: `engine/${layer} sits below engine/${l}: move the shared piece down instead (see CONTRIBUTING.md, "Where code goes").`,
  }));
  // Nothing in the engine imports its own entry module.
  const entry = 'inside the engine, import the module that defines a name, not the entry module.';
  const paths = ['.', './index', '..', '../index', '../..', '../../index'].map((name) => ({ name, message: entry }));
  return { files, rules: { 'no-restricted-imports': ['error', layer === 'index' ? {} : { paths, patterns }] } };
});
const frontEndBlock = {
  files: FRONT_ENDS.map((f) => `${f}**/*.ts`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/engine/*', '!**/engine/index'],
            message: 'front ends use the engine through its entry module (server/src/engine/index.ts) and contract/ only.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  // .bench/: the projects npm run bench generates (git-ignored), some of them hostile on purpose.
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/vscode/fixtures/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused parameters named with a leading underscore are kept on purpose (a callback's shape).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // One import statement per module, types and values together (as vscode-eslint's config).
      'no-duplicate-imports': 'error',
    },
  },
  {
    // A spread passes every item as an argument on the stack: past some 125,000 items (findings of
    // a large project, lines of a pasted cell) it throws "Maximum call stack size exceeded" and
    // the run ends with nothing printed (issue 28). Loop instead.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'contract/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement',
          message: 'push(...items) overflows the stack past ~125,000 items: add them in a loop (for … of).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'Math.max(...items) overflows the stack past ~125,000 items: reduce in a loop.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint)$/] > SpreadElement',
          message: 'String.fromCharCode(...codes) overflows the stack on long input: build the string in chunks.',
        },
      ],
    },
  },
  ...layerBlocks,
  frontEndBlock,
  {
    // ruleTester.test.ts loads each rule test file to read its tables without running its tests;
    // only the rule tester's describe and it stay quiet while it does (see ruleTestRunsOf).
    files: ['test/engine/check/rules/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:test', message: "Take describe and it from '../ruleTester', so that ruleTester.test.ts can read this file's tables." },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Steps that drive the workbench pass functions that Playwright runs in the page.
    files: ['scripts/vscode/**/*.mjs', 'test/vscode/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bin/**/*.js', 'test/vscode/probe-extension/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
