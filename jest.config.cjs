/** Jest: unit tests beside the code (src/**/*.test.ts[x]) and cross-folder suites under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', isolatedModules: true, esModuleInterop: true }, diagnostics: false }],
  },
  testTimeout: 30000,
};
