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
  // Testing Library waits on conditions up to 25 s, not its 1 s default (test/support/jest-setup.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
};
