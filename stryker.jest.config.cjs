// The Jest configuration of the mutation run (stryker.config.mjs): the project's own, over only the fast test files that
// exercise the mutated code. The whole suite (chromium, LibreOffice, the CLI bundle, full-template insertions through
// the Office.js fake) would take hours per part on a 2-core machine; a mutant of the rules or of an edit interpreter
// is seen, if at all, by these files. NB_MUTATION_SCOPE=hosts picks the interpreters' tests, otherwise the rules'.
const base = require('./jest.config.cjs');

const RULES_TESTS = [
  // The rules: their own tests and the independent oracles (both interpreters, the formulas run by HyperFormula).
  // Not formula-agreement.test.ts: 2,000 random reports per mutant is minutes each; it stays in `npm test`.
  '<rootDir>/src/report/rules/*.test.ts',
  '!<rootDir>/src/report/rules/formula-agreement.test.ts',
  '<rootDir>/test/oracles/**/*.test.ts',
];
const HOST_TESTS = [
  // The edit interpreters, op by op, on small plans: ExcelJS, the Office.js fake, the ET double.
  '<rootDir>/test/hosts-edits/**/*.test.ts',
  // test/contract (one whole template per host) is left to npm test: each mutant would re-insert it several times.
];

module.exports = {
  ...base,
  testMatch: process.env.NB_MUTATION_SCOPE === 'hosts' ? HOST_TESTS : RULES_TESTS,
};
