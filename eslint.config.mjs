// Lint also guards the architecture (style-anchors §10): the domain imports no host, pane, CLI, React, ExcelJS or
// Univer code (its own libraries — zod, Handlebars, the importer's parsers — are host-neutral); the pane never reaches
// into a host folder; hosts do not import one another.
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
              // A host mounts the shared pane and knows nothing else of it.
              group: ['**/taskpane/**', '!**/taskpane/mount', '!**/taskpane/TaskPane'],
              message: 'A host only mounts the pane (taskpane/mount or taskpane/TaskPane).',
            },
          ],
        },
      ],
    },
  })),
);
