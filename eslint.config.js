import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The import rules of docs/architecture.md, as zones of `import-x/no-restricted-paths`: each zone forbids
 * the files under `target` to import anything under `from` (except `except`). Features and top-level
 * folders are read from the tree, so a new one is covered without editing this file.
 */
const features = readdirSync(join(import.meta.dirname, 'src/features'));
const topLevel = readdirSync(join(import.meta.dirname, 'src'));
const allBut = (...kept) => topLevel.filter((name) => !kept.includes(name)).map((name) => `./src/${name}`);

const sharedZones = [
  {
    target: './src/espi',
    from: './src',
    except: ['./espi', './testing'],
    message: 'src/espi is pure: it imports nothing else of src/ (docs/architecture.md).',
  },
  {
    target: './src/custodian',
    from: './src',
    except: ['./custodian', './espi', './testing'],
    message: 'The mock custodian imports only src/espi (docs/architecture.md).',
  },
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app', './src/demo'],
    message: 'Shared code knows no feature (docs/architecture.md).',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'Features never import each other: move what both need into src/lib or src/components (docs/architecture.md).',
  })),
];
// Outside tests, only the demo bootstrap reaches the mock (so a production build leaves it out), and the
// test support is for tests; tests themselves run the portal's real code against the mock.
const productionZones = [
  {
    target: allBut('demo', 'custodian', 'testing'),
    from: './src/custodian',
    message: 'Only src/demo imports the mock custodian (docs/architecture.md).',
  },
  { target: allBut('testing'), from: './src/testing', message: 'src/testing is for tests.' },
  {
    target: allBut('espi'),
    from: './src/espi',
    except: ['./index.ts'],
    message: 'Import the ESPI domain from src/espi/index.ts, its public face (docs/architecture.md).',
  },
];
const testFiles = ['src/**/*.test.ts', 'src/**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'test-results', 'playwright-report', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: sharedZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: [...sharedZones, ...productionZones] },
      ],
    },
  },
  {
    // The pure ESPI domain runs in a worker, in Node and in the mock: no UI or server-state library either.
    files: ['src/espi/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-*', '@tanstack/*'], message: 'src/espi is a pure module.' }] },
      ],
    },
  },
  {
    // One way to draw a button: the Button and ButtonLink components own the `button` classes.
    files: ['src/**/*.tsx'],
    ignores: ['src/components/ui/button.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='className'] Literal[value=/(^|\\s)button(\\s|$)/]",
          message: 'Use Button or ButtonLink (src/components/ui/button.tsx) instead of the button class.',
        },
      ],
    },
  },
  prettier,
);
