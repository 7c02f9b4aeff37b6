// The Jest configuration of the mutation run (stryker.config.mjs): the project's own, over only the test files that
// exercise the mutated code. The whole suite (chromium, LibreOffice, the CLI bundle) would take hours per mutant on a
// 2-core machine, and a mutant of the rules or of an edit interpreter is seen, if at all, by these files.
// NB_MUTATION_SCOPE=rules keeps the rules' tests only (npm run mutation:rules).
const base = require('./jest.config.cjs');

const RULES_TESTS = [
  // The rules: their own tests and the independent oracles (both interpreters, the formulas run by HyperFormula).
  // Not formula-agreement.test.ts: 2,000 random reports per mutant is minutes each; it stays in `npm test`.
  '<rootDir>/src/report/rules/rule-catalog.test.ts',
  '<rootDir>/src/report/rules/finding-order.test.ts',
  '<rootDir>/test/oracles/**/*.test.ts',
];
const HOST_TESTS = [
  // The edit interpreters: the xlsx host (ExcelJS), the Office.js fake, the ET double, and the host contract suite.
  '<rootDir>/test/contract/**/*.test.ts',
  '<rootDir>/test/cli/template-roundtrip.test.ts',
  '<rootDir>/test/excel/excel-host.test.ts',
  '<rootDir>/test/wps/wps-template.test.ts',
  '<rootDir>/src/hosts/wps/write-runs.test.ts',
];

module.exports = {
  ...base,
  testMatch: process.env.NB_MUTATION_SCOPE === 'rules' ? RULES_TESTS : [...RULES_TESTS, ...HOST_TESTS],
};
