// Loaded before every test file (jest.config.cjs setupFilesAfterEnv). In the DOM test files, Testing Library's
// waitFor/findBy wait on their condition for up to 25 s instead of the library's 1 s default, which a loaded 2-core
// machine overruns (issue #14): a condition, not a race against the clock.
if (typeof document !== 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require('@testing-library/dom') as typeof import('@testing-library/dom');
  configure({ asyncUtilTimeout: 25_000 });
}
