// The TypeScript interpreter of the rule records: host values in, findings out. Semantics shared with
// to-formula.ts: a compare is asserted only once each of its cells holds a number (until then it is 未填完, not
// broken); a check on one cell looks at what the cell holds.
import { INPUT_CELLS, VALUE_CELL_BY_NAME } from '../layout/input-cells';
import { compileRules, type Compiled, type CompiledCompare, type RuleSet } from './compile-rules';
import { BLANK, displayContent, formatNumber, type CellContent } from '../model/cell-content';
import { checkContent, isBlank } from '../model/value-checks';
import type { Finding } from './finding';
import { BLANK_EXPECTED, PROBLEM_MESSAGES, RULE_MESSAGES, fillTemplate } from './messages.zh-CN';
import { RULES } from './rule-catalog';
import type { RuleScope } from './rule';

/** The 2021 format's rules, for the callers that pass no format. */
const RULES_2021: RuleSet = { compiled: compileRules(RULES, VALUE_CELL_BY_NAME), inputCells: INPUT_CELLS };

function sum(values: readonly CellContent[], idx: Int32Array, sign: Int8Array): number {
  let s = 0;
  // Stryker disable next-line EqualityOperator: equivalent: one step past the end reads undefined, which is skipped
  for (let i = 0; i < idx.length; i++) {
    const v = values[idx[i]];
    if (v !== undefined && v.kind === 'number') s += sign[i] * v.value;
  }
  return s;
}

/** Equal as a spreadsheet compares numbers: to about 15 significant digits. */
function same(a: number, b: number): boolean {
  // Stryker disable next-line EqualityOperator: a tolerance, not a rule: only a difference of exactly 1e-12 of the larger tells <= from <, and no count or amount (integers, 4 decimals) lands there; 0.1 + 0.2 against 0.3 is tested
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function allNumbers(c: CompiledCompare, values: readonly CellContent[]): boolean {
  for (let i = 0; i < c.all.length; i++) {
    // Only a truly empty cell may count as 0: an empty text ("") is not a number to COUNT, as in a spreadsheet.
    const kind = (values[c.all[i]] ?? BLANK).kind;
    if (kind !== 'number' && !(c.blankIsZero && kind === 'blank')) return false;
  }
  for (let i = 0; i < c.required.length; i++) if (values[c.required[i]]?.kind !== 'number') return false;
  return true;
}

function evaluateCompare(c: CompiledCompare, values: readonly CellContent[]): { left: number; right: number } | null {
  // Asserted only once every cell holds a number: a blank (or a text, which the type rules report) leaves the
  // check 未填完, not broken, as COUNT(cells)=n does in the compiled formula.
  if (!allNumbers(c, values)) return null;
  const left = sum(values, c.left, c.leftSign);
  const right = sum(values, c.right, c.rightSign);
  // Stryker disable next-line EqualityOperator: equivalent: where left equals right, same() holds and neither is broken
  const broken = c.ge ? left < right && !same(left, right) : !same(left, right);
  return broken ? { left, right } : null;
}

export interface EvaluateOptions {
  /** Which rule scopes to run; 'previous' rules need last year's block filled. Default: all. */
  readonly scopes?: readonly RuleScope[];
  /** The format whose rules apply (a Format from src/report/format); the 2021 format when absent. */
  readonly format?: RuleSet;
}

/**
 * A finding whose Chinese sentence is rendered when first read: a badly broken report has dozens of findings, and
 * building their text is most of the cost of a validation that nobody may read in full (the pane shows a few).
 */
class RuleFinding implements Finding {
  readonly rule: Finding['rule'];
  readonly severity: Finding['severity'];
  readonly key: string;
  readonly cells: readonly string[];
  readonly left?: number;
  readonly right?: number;
  readonly problem?: Finding['problem'];
  readonly fix?: number;
  #message: string | undefined;
  readonly #render: () => string;

  constructor(c: Compiled, extra: Partial<Pick<Finding, 'left' | 'right' | 'problem' | 'fix'>>, render: () => string) {
    this.rule = c.rule.id;
    this.severity = c.rule.severity;
    this.key = c.check.key;
    this.cells = c.cells;
    if (extra.left !== undefined) this.left = extra.left;
    if (extra.right !== undefined) this.right = extra.right;
    if (extra.problem !== undefined) this.problem = extra.problem;
    if (extra.fix !== undefined) this.fix = extra.fix;
    this.#render = render;
  }

  get message(): string {
    return (this.#message ??= this.#render());
  }

  toJSON(): Finding {
    return { ...this, message: this.message };
  }
}

/**
 * Findings for one report. `values` are in ALL_VALUE_CELLS order (INPUT_CELLS first, then last year's block,
 * which may be missing: missing cells are blank).
 */
export function evaluateRules(values: readonly CellContent[], options: EvaluateOptions = {}): Finding[] {
  const scopes = options.scopes;
  const findings: Finding[] = [];
  for (const c of (options.format ?? RULES_2021).compiled) {
    if (scopes && !scopes.includes(c.rule.scope)) continue;
    const body = c.body;
    const template = RULE_MESSAGES[c.rule.id];
    const subject = c.check.subject;
    if (body.kind === 'compare') {
      const broken = evaluateCompare(body, values);
      if (!broken) continue;
      const { left, right } = broken;
      findings.push(
        new RuleFinding(c, broken, () =>
          fillTemplate(template, { ...subject, left: formatNumber(left), right: formatNumber(right) }),
        ),
      );
      continue;
    }
    const content = values[body.index] ?? BLANK;
    const cell = body.cell;
    if (body.kind === 'filled') {
      if (!isBlank(content)) continue;
      const expected = cell.kind === 'text' || cell.kind === 'year' ? BLANK_EXPECTED.text : BLANK_EXPECTED.number;
      findings.push(new RuleFinding(c, {}, () => fillTemplate(template, { ...subject, expected })));
      continue;
    }
    const problem = checkContent(cell.kind, content);
    if (!problem) continue;
    findings.push(
      new RuleFinding(c, { problem: problem.code, fix: problem.fix }, () =>
        fillTemplate(template, {
          ...subject,
          problem: fillTemplate(PROBLEM_MESSAGES[problem.code], {
            value: displayContent(content),
            formula: content.formula,
            fix: problem.fix === undefined ? undefined : formatNumber(problem.fix),
          }),
        }),
      ),
    );
  }
  return findings;
}

/** Where a report stands: inputs filled so far, the blank ones in template order, and the checks not yet asserted. */
export interface Progress {
  readonly filled: number;
  readonly total: number;
  /** Defined names of the blank input cells, in template order (the to-do list; 下一个空格 walks it). */
  readonly blanks: readonly string[];
  /** Cross-cell checks with a cell still blank or not a number: 未填完, neither kept nor broken. */
  readonly incomplete: number;
}

export function reportProgress(values: readonly CellContent[], options: EvaluateOptions = {}): Progress {
  const format = options.format ?? RULES_2021;
  const inputs = format.inputCells;
  const blanks = inputs.filter((c) => isBlank(values[c.index] ?? BLANK)).map((c) => c.name);
  let incomplete = 0;
  for (const c of format.compiled)
    if (c.body.kind === 'compare' && (!options.scopes || options.scopes.includes(c.rule.scope)))
      if (!allNumbers(c.body, values)) incomplete++;
  return { filled: inputs.length - blanks.length, total: inputs.length, blanks, incomplete };
}
