// Jest: unit tests beside the code (*.test.ts[x] under src/) and cross-folder suites under test/.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          jsx: 'react-jsx',
          module: 'commonjs',
          moduleResolution: 'node',
          isolatedModules: true,
          esModuleInterop: true,
        },
        diagnostics: false,
      },
    ],
    // ESM-only packages of the importer (parse5, entities, pdfjs-dist) as CommonJS.
    '/node_modules/(parse5|entities|pdfjs-dist)/.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!(parse5|entities|pdfjs-dist)/)'],
  testTimeout: 30000,
  // One test file at a time (in band), whatever the machine: the web e2e files (test/e2e, the contract's Univer
  // host) each start scripts/start.mjs, which rebuilds dist/web with webpack (output.clean) when it is stale, so on
  // a fresh clone parallel files would build into, and delete from, one folder at once; and the heavy files each
  // start chromium, LibreOffice or webpack. Jest's default (cores − 1) is already 1 on the 2-core machines the
  // suite is measured on: 10–15 min in band. `--maxWorkers=N` still overrides.
  maxWorkers: 1,
  // Testing Library waits on conditions up to 25 s, not its 1 s default (test/support/jest-setup.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
};
