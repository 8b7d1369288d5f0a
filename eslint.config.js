// ESLint: type-aware TypeScript rules, React hooks, accessibility (jsx-a11y), no literal text in JSX (every string
// goes through i18n), no HTML injection or eval, and import zones that enforce the one direction of dependencies
// of the design (§5): domain ← storage | exchange | report ← features ← app. Features do not import each other.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layers = ['domain', 'texts', 'storage', 'exchange', 'report', 'features', 'components', 'i18n', 'app', 'cli'];
/** What each layer may import from inside src/ (besides itself). */
const allowed = {
  domain: [],
  // The error-code lists are dependency-free modules, so that the one error mapper (texts/describe-error.ts) serves
  // the app and the command line alike.
  texts: [
    'domain',
    'storage/storage-error.ts',
    'storage/backup-error.ts',
    'exchange/export-error.ts',
    'exchange/review-error.ts',
    'exchange/delegation-error.ts',
  ],
  storage: ['domain'],
  exchange: ['domain'],
  report: ['domain', 'texts'],
  i18n: ['domain', 'texts'],
  components: ['domain', 'i18n', 'texts'],
  features: ['domain', 'storage', 'exchange', 'report', 'components', 'i18n', 'texts'],
  app: ['domain', 'storage', 'exchange', 'report', 'components', 'i18n', 'features', 'texts'],
  cli: ['domain', 'exchange', 'report', 'texts'],
};
const layerZones = layers.map((layer) => ({
  target: `./src/${layer}`,
  from: './src',
  except: [`./${layer}`, ...allowed[layer].map((l) => `./${l}`), './testing', './vite-env.d.ts'],
  message: `src/${layer} may import only from ${[layer, ...allowed[layer]].join(', ')} (design §5).`,
}));
let features = [];
try {
  features = readdirSync('./src/features', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
} catch {
  features = [];
}
const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'A feature does not import another feature; move what they share to components/ or domain/.',
}));

// Test data and helpers live in src/testing, which only tests (and scripts/, tests/) import: the production build
// follows imports from index.html, so nothing there can reach the bundle or the service worker's precache.
const testingStaysOutOfTheBuild = {
  target: './src',
  from: './src/testing',
  message: 'src/testing holds test support: only *.test.ts(x) files, tests/ and scripts/ import it.',
};
const testFiles = ['**/*.test.{ts,tsx}', 'src/testing/**'];

const noHtmlInjection = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'innerHTML/outerHTML render strings as HTML; imported files are untrusted.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML renders strings as HTML.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
    message: 'document.write renders strings as HTML.',
  },
];

// Forbidden packages, per folder. ESLint keeps only the last block's options of a rule for a file, so each folder
// gets one block listing every pattern that applies to it (scripts/eslint-import-zones.test.ts proves it).
const onlyStorageImportsDexie = { group: ['dexie', 'dexie-*'], message: 'Only src/storage imports Dexie.' };
// The app declares its routes as components (src/app/routes.tsx): the hooks and components of react-router's data
// router throw there, though they work in the tests' memory router.
const noDataRouterApi = {
  name: 'react-router',
  importNames: [
    'useBlocker',
    'unstable_usePrompt',
    'useLoaderData',
    'useRouteLoaderData',
    'useActionData',
    'useFetcher',
    'useFetchers',
    'useNavigation',
    'useRevalidator',
    'useRouteError',
    'useAsyncError',
    'useAsyncValue',
    'useMatches',
    'Form',
    'ScrollRestoration',
    'Await',
  ],
  message: 'The app has no data router (src/app/routes.tsx): this API throws outside one.',
};
const domainIsPure = {
  group: ['react', 'react-*', 'i18next', 'react-i18next', 'jspdf', 'jspdf-*'],
  message: 'src/domain is pure TypeScript: no React, i18n or PDF (design §5).',
};
const textsRunEverywhere = {
  group: ['react', 'react-*', 'jspdf', 'jspdf-*'],
  message: 'src/texts runs in the app, the PDF reports and the command line: TypeScript, JSON and i18next only.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'out', 'coverage', 'test-results', 'playwright-report', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones, testingStaysOutOfTheBuild] }],
      'import-x/no-cycle': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlInjection],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '19.0' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs['recommended-latest'].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'react/prop-types': 'off',
      'react/no-danger': 'error',
      // Every visible word goes through i18next (design §7); punctuation between translated parts is allowed.
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: ['·', '—', ' — ', '(', ')', ':', '/', '%', '…', '*', '✓', '×'],
        },
      ],
    },
  },
  {
    // Only src/storage talks to Dexie.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/storage/**', 'src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDataRouterApi], patterns: [onlyStorageImportsDexie] }] },
  },
  {
    // The domain is pure: no React, storage, i18n, PDF or DOM (design §5).
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [domainIsPure, onlyStorageImportsDexie] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['src/texts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [textsRunEverywhere, onlyStorageImportsDexie] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: testFiles,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }] },
  },
  {
    files: [...testFiles, 'tests/**', 'scripts/**', '*.config.{js,ts}'],
    rules: {
      'react/jsx-no-literals': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
