// Lint: typescript-eslint and eslint-plugin-svelte, and the shape of the codebase as import rules.
// Layers import only downward: shared/model ← shared/io, shared/messages ← shared/search ←
// shared/db ← shared/ui ← extension/, spa/. The pure layers (model, io, search, messages) use no
// DOM, no Dexie and no extension API, and only shared/db writes to the database.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** The layers above each one, by folder: an import path through any of them is refused. */
const above = {
  model: ['io', 'search', 'db', 'ui', 'messages'],
  io: ['search', 'db', 'ui', 'messages'],
  messages: ['io', 'search', 'db', 'ui'],
  search: ['db', 'ui', 'messages'],
  db: ['ui'],
  ui: [],
};
const appCode = ['extension', 'spa', 'tests', 'bench', 'scripts'];
const impure = [
  { name: 'dexie', message: 'The pure layers do not touch the database: shared/db does.' },
  { name: 'webextension-polyfill', message: 'The pure layers do not use extension APIs.' },
  { name: 'svelte', message: 'The pure layers do not use Svelte.' },
];

function layer(name, files, extra = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: extra,
          // Relative paths (`../db/database.ts`, `../../../spa/…`): matched by folder name.
          patterns: [{ regex: `(^|/)(${[...above[name], ...appCode].join('|')})/`, message: `shared/${name} imports only the layers below it.` }],
        },
      ],
    },
  };
}

/** DOM globals the pure layers may not use (they run in workers, Node and the service worker). */
const DOM = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'chrome', 'browser', 'HTMLElement', 'Element', 'Node'];

/** Writes through Dexie: only the write commands in shared/db make them. */
const WRITE = 'put|add|bulkPut|bulkAdd|bulkDelete|bulkUpdate|delete|clear|update|modify';
const writesOutsideDb = [
  {
    selector: `CallExpression[callee.property.name=/^(${WRITE})$/][callee.object.type='MemberExpression'][callee.object.object.name='db']`,
    message: 'Only shared/db writes to the database: call a write command from shared/db/commands.',
  },
  {
    selector: `CallExpression[callee.object.name='db'][callee.property.name='transaction'][arguments.0.value=/w/]`,
    message: 'Only shared/db writes to the database: call a write command from shared/db/commands.',
  },
];

export default ts.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.data/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      // `_`-named parameters and caught errors are unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The search index's hot loops write `a ? x++ : y++` and `(a = b), (c = d)` on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Control characters are matched on purpose: they are stripped from imported text and file names.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      // `{' '}` and `{' · '}` keep a space the template would otherwise collapse.
      'svelte/no-useless-mustaches': 'off',
      // Flags local temporaries (a Map built and assigned whole, URLSearchParams turned into a
      // string) that are never meant to be reactive.
      'svelte/prefer-svelte-reactivity': 'off',
      // svelte-check --fail-on-warnings is the judge of the compiler's warnings, and it keeps these.
      'svelte/no-unused-svelte-ignore': 'off',
    },
  },
  {
    // Tests read raw IndexedDB records and extension globals in the browser, untyped.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  layer('model', ['shared/model/**'], impure),
  layer('io', ['shared/io/**'], impure),
  layer('messages', ['shared/messages/**'], impure),
  layer('search', ['shared/search/**'], impure),
  layer('db', ['shared/db/**']),
  layer('ui', ['shared/ui/**']),
  {
    files: ['shared/model/**', 'shared/io/**', 'shared/search/**', 'shared/messages/**'],
    rules: { 'no-restricted-globals': ['error', ...DOM.map((name) => ({ name, message: 'The pure layers use no DOM or extension globals.' }))] },
  },
  {
    files: ['shared/ui/**', 'extension/**', 'spa/**'],
    rules: { 'no-restricted-syntax': ['error', ...writesOutsideDb] },
  },
);
