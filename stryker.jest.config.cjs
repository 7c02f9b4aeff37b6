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
/** Each interpreter's own tests (a part run, NB_MUTATION_PART, runs only its file's). */
const HOST_PART_TESTS = {
  et: '<rootDir>/test/hosts-edits/wps-apply-edits.test.ts',
  office: '<rootDir>/test/hosts-edits/excel-queue-edits.test.ts',
  xlsx: '<rootDir>/test/hosts-edits/xlsx-apply-edits.test.ts',
};
const HOST_TESTS = [
  // The edit interpreters, op by op, on small plans: ExcelJS, the Office.js fake, the ET double.
  ...(HOST_PART_TESTS[process.env.NB_MUTATION_PART]
    ? [HOST_PART_TESTS[process.env.NB_MUTATION_PART]]
    : Object.values(HOST_PART_TESTS)),
  // test/contract (one whole template per host) is left to npm test: each mutant would re-insert it several times.
];

// NB_MUTATION_TESTS=unit keeps the rules' own unit tests only (no oracles, no HyperFormula): a faster run whose score
// is a lower bound of the full one (fewer tests can only kill fewer mutants), for a loaded machine.
const RULES_UNIT_TESTS = RULES_TESTS.filter((t) => !t.includes('/test/oracles/'));

module.exports = {
  ...base,
  testMatch:
    process.env.NB_MUTATION_SCOPE === 'hosts'
      ? HOST_TESTS
      : process.env.NB_MUTATION_TESTS === 'unit'
        ? RULES_UNIT_TESTS
        : RULES_TESTS,
};
