// Lint also guards the architecture (style-anchors §10): the domain imports no host, pane, CLI, React, ExcelJS or
// Univer code (its own libraries — zod, Handlebars, the importer's parsers — are host-neutral); the pane never reaches
// into a host folder; hosts do not import one another nor the pane (src/apps/<target> wires them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const hostFolders = ['excel', 'wps', 'web', 'xlsx'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'wps-dist/**',
      '**/*.cjs',
      'scripts/**/*.mjs',
      'webpack.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    ignores: ['src/report/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/hosts/**', '**/taskpane/**', '**/cli/**', 'react', 'exceljs', '@univerjs/*'],
              message: 'src/report is the pure domain: no host, pane, CLI, React, ExcelJS or Univer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: hostFolders.map((h) => `**/hosts/${h}/**`),
              message: 'The pane talks only to hosts/spreadsheet-host.ts.',
            },
          ],
        },
      ],
    },
  },
  // No host file (the shared ones beside the host folders included) imports the pane or a composition root.
  {
    files: ['src/hosts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/taskpane/**', '**/taskpane', '**/apps/**'],
              message: 'A host never imports the pane; src/apps/<target> wires a host to it.',
            },
          ],
        },
      ],
    },
  },
  // Hosts do not import one another, by any path: the web page alone may use the xlsx host, to open and save
  // .xlsx files in the browser with the reference writer (src/hosts/web/xlsx-files.ts).
  ...hostFolders.map((h) => ({
    files: [`src/hosts/${h}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: hostFolders
                .filter((o) => o !== h && !(h === 'web' && o === 'xlsx'))
                .flatMap((o) => [`**/hosts/${o}/**`, `../${o}/**`, `../${o}`]),
              message: 'Hosts do not import one another.',
            },
            {
              // A host knows nothing of the pane: the composition roots (src/apps/<target>) wire one to the other.
              group: ['**/taskpane/**', '**/taskpane', '**/apps/**'],
              message: 'A host never imports the pane; src/apps/<target> wires a host to it.',
            },
          ],
        },
      ],
    },
  })),
);
