// The 自检 sequence, the same on every host: it drives the host's own SpreadsheetHost code (applyEdits,
// readNamedCells: what 插入模板 and 校验 use) on a scratch sheet, and asks the host's probes what only the host can
// tell (rules on a cell, protection, visibility, change events, removing sheets). Each step is one ✓/✗ line; a step
// whose prerequisite failed is reported as not run, never as passed.
import type { SheetEdit } from '../../report/sheet-edits/sheet-edit';
import type { SpreadsheetHost } from '../spreadsheet-host';
import {
  SELF_TEST_CHECKS,
  type CheckOutcome,
  type SelfTestCheck,
  type SelfTestCheckId,
  type SelfTestReport,
} from './self-test-report';

/** What a probe saw: ok / failed with detail, or not-probed with the reason. */
export interface ProbeResult {
  readonly outcome: CheckOutcome;
  readonly detail?: string;
}

export interface HostDescription {
  readonly host: string;
  readonly version: string;
  readonly apiSets: readonly string[];
}

/** What only the host itself can answer. Sheets and cells are A1 on a named sheet. */
export interface SelfTestProbes {
  describe(): Promise<HostDescription>;
  activeSheet(): Promise<string | null>;
  /** How many conditional formats cover the cell. */
  conditionalFormatsAt(sheet: string, cell: string): Promise<number>;
  isProtected(sheet: string): Promise<boolean>;
  isHidden(sheet: string): Promise<boolean>;
  /**
   * Writes `values` into `range` from code and says whether the change event the product listens to arrived
   * (code stands in for the user's typing or pasting, which no add-in can cause).
   */
  changeEvent(sheet: string, range: string, values: readonly (readonly (string | number)[])[]): Promise<ProbeResult>;
  /** Deletes the sheets and the names, and brings `restore` (the user's sheet) back to the front. */
  removeScratch(sheets: readonly string[], names: readonly string[], restore: string | null): Promise<void>;
}

export const SELF_TEST_SHEET = '年报助手自检';
export const SELF_TEST_HIDDEN_SHEET = '年报助手自检隐藏';
export const SELF_TEST_NAMES = ['nianbao_selftest_a', 'nianbao_selftest_b'] as const;
const [NAME_A, NAME_B] = SELF_TEST_NAMES;

/** The error's message, with the host's own error code when it has one (what a developer reading the report needs). */
function messageOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const text = e instanceof Error ? e.message : String(e);
  return typeof code === 'string' && !text.includes(code) ? `${text}（${code}）` : text;
}

export async function runSelfTest(host: SpreadsheetHost, probes: SelfTestProbes): Promise<SelfTestReport> {
  const at = new Date().toISOString();
  const description = await probes
    .describe()
    .catch((e): HostDescription => ({ host: '（无法读取）', version: messageOf(e), apiSets: [] }));
  const checks: SelfTestCheck[] = [];
  const record = (id: SelfTestCheckId, outcome: CheckOutcome, detail?: string) =>
    checks.push({ id, label: SELF_TEST_CHECKS[id], outcome, ...(detail ? { detail } : {}) });
  /** Runs a step; a thrown error or a false answer is ✗. Returns whether it passed. */
  const step = async (id: SelfTestCheckId, run: () => Promise<string | ProbeResult | void>): Promise<boolean> => {
    try {
      const r = await run();
      if (r && typeof r === 'object') {
        record(id, r.outcome, r.detail);
        return r.outcome !== 'failed';
      }
      record(id, 'ok', r || undefined);
      return true;
    } catch (e) {
      record(id, 'failed', messageOf(e));
      return false;
    }
  };
  const notRun = (id: SelfTestCheckId, why: string) => record(id, 'not-probed', `未执行：${why}`);
  const expect = (cond: boolean, what: string) => {
    if (!cond) throw new Error(what);
  };

  const userSheet = await probes.activeSheet().catch(() => null);
  const existing = new Set((await host.sheetNames()).map((s) => s.toLowerCase()));
  const sheet = unusedName(SELF_TEST_SHEET, existing);
  const hidden = unusedName(SELF_TEST_HIDDEN_SHEET, existing);
  const made: string[] = [];

  const created = await step('sheet', async () => {
    await host.applyEdits([
      { op: 'addSheet', sheet },
      {
        op: 'values',
        sheet,
        range: 'A1:B3',
        values: [
          ['年报助手自检（会自动删除）', null],
          ['甲', 5],
          ['乙', 7],
        ],
      },
    ]);
    made.push(sheet);
    expect((await host.sheetNames()).includes(sheet), `新建后找不到工作表「${sheet}」`);
  });

  if (!created) {
    for (const id of Object.keys(SELF_TEST_CHECKS) as SelfTestCheckId[])
      if (id !== 'sheet' && id !== 'cleanup') notRun(id, '没能新建临时工作表');
  } else {
    const named = await step('names', async () => {
      await host.applyEdits([
        { op: 'defineName', name: NAME_A, sheet, range: 'B2' },
        { op: 'defineName', name: NAME_B, sheet, range: 'B3' },
      ]);
      const refs = new Map((await host.listNames()).map((n) => [n.name.toLowerCase(), n.ref]));
      for (const [name, cell] of [
        [NAME_A, 'B2'],
        [NAME_B, 'B3'],
      ])
        expect(
          refs.get(name) === `${sheet}!${cell}`,
          `名称 ${name} 指向 ${refs.get(name) ?? '（没有）'}，应为 ${sheet}!${cell}`,
        );
    });

    if (!named) notRun('values', '没能定义名称');
    else
      await step('values', async () => {
        const read = await host.readNamedCells([NAME_A, NAME_B]);
        const got = read.values.map((v) => (v.kind === 'number' ? v.value : v.kind));
        expect(read.missing.length === 0, `读不到名称 ${read.missing.join('、')}`);
        expect(got[0] === 5 && got[1] === 7, `读回 ${JSON.stringify(got)}，应为 [5,7]`);
        return `读回 5、7`;
      });

    const rule = (severity: 'error' | 'warning', priority: number): SheetEdit => ({
      op: 'conditionalFormat',
      sheet,
      ranges: ['B2'],
      formula: severity === 'error' ? `${NAME_A}<>${NAME_B}` : `AND(ISNUMBER(${NAME_A}),${NAME_A}<${NAME_B})`,
      style: severity,
      priority,
      id: `selftest.${severity}`,
    });
    const ruled = named
      ? await step('ruleFormula', async () => {
          await host.applyEdits([rule('error', 1)]);
          const n = await probes.conditionalFormatsAt(sheet, 'B2');
          expect(n >= 1, `写入后单元格上有 ${n} 条规则`);
        })
      : (notRun('ruleFormula', '没能定义名称'), false);
    if (!ruled) notRun('twoRules', '第一条规则没有写入');
    else
      await step('twoRules', async () => {
        await host.applyEdits([rule('warning', 2)]);
        const n = await probes.conditionalFormatsAt(sheet, 'B2');
        expect(n === 2, `单元格上有 ${n} 条规则，应为 2 条`);
        return '2 条';
      });

    await step('typingEvent', () => probes.changeEvent(sheet, 'C2', [[11]]));
    await step('pasteEvent', () =>
      probes.changeEvent(sheet, 'C4:D5', [
        [1, 2],
        [3, 4],
      ]),
    );

    await step('protection', async () => {
      await host.applyEdits([{ op: 'protect', sheet }]);
      expect(await probes.isProtected(sheet), '设置保护后工作表仍未受保护');
    });

    await step('hiddenSheet', async () => {
      await host.applyEdits([
        { op: 'addSheet', sheet: hidden, hidden: true },
        { op: 'values', sheet: hidden, range: 'A1', values: [['年报助手自检（会自动删除）']] },
      ]);
      made.push(hidden);
      expect(await probes.isHidden(hidden), `工作表「${hidden}」没有隐藏`);
      const active = await probes.activeSheet();
      expect(active !== hidden, '隐藏的工作表成了当前工作表');
    });
  }

  await step('cleanup', async () => {
    await probes.removeScratch(made, created ? [...SELF_TEST_NAMES] : [], userSheet);
    const left = (await host.sheetNames()).filter((s) => made.includes(s));
    expect(left.length === 0, `没能删除 ${left.join('、')}`);
    const names = (await host.listNames()).map((n) => n.name.toLowerCase());
    const leftNames = SELF_TEST_NAMES.filter((n) => names.includes(n));
    expect(leftNames.length === 0, `没能删除名称 ${leftNames.join('、')}`);
  });

  return { ...description, at, checks };
}

function unusedName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}
