// The three kinds of thing a user types that must never be lost (issue #11 item 1): a number in the tables, a text
// in 补充信息 and a custom narrative template; and how the saved file shows each one to `nianbao validate --json`
// and `nianbao export --html`. Written by hand: the values are the user's, the expected sentences the format's.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runCli } from './run-cli';

/** 表二 规章: 本年制发 12, 本年废止 0, 现行有效 1: a finished row that breaks T2.inforce (1 < 12 − 0), a warning. */
export const NUMBER = { name: 'nb_t2_rule_made', value: 12 } as const;
export const NUMBER_ROW = [
  { name: 'nb_t2_rule_repealed', value: 0 },
  { name: 'nb_t2_rule_inforce', value: 1 },
] as const;
/** 五、存在的主要问题及改进情况 on the 补充信息 sheet. */
export const TEXT = {
  name: 'nb_sup_text_problems',
  value: '存在问题：政务公开栏目更新不及时。改进：每周专人核对。',
} as const;
/** The template of 一（二）依申请公开情况, replaced by the user's own words. */
export const TEMPLATE = { name: 'nb_sup_tpl_apply', value: '自定义模板：本年度依申请公开情况详见表三。' } as const;

/** Runs validate --json and export --html on the saved file and says which of the three each one shows. */
export async function findThree(file: string, dir: string) {
  const validate = await runCli('validate', file, '--json');
  const json = JSON.parse(validate.out) as {
    template: unknown;
    findings: { rule: string; cells: { ref: string | null; value: unknown }[] }[];
  };
  // One page per workbook: export never replaces an existing file without --force.
  const html = join(dir, `${basename(file, '.xlsx')}-three.html`);
  const exported = await runCli('export', file, '--html', html);
  const page = exported.code === 0 ? readFileSync(html, 'utf8') : '';
  return {
    validateCode: validate.code,
    exportCode: exported.code,
    exportErr: exported.err,
    template: json.template,
    /** The number, as a cell value of the finding it causes. */
    numberInValidate: json.findings.some(
      (f) => f.rule === 'T2.inforce' && f.cells.some((c) => c.value === NUMBER.value),
    ),
    /** The number in 表二 of the exported page. */
    numberInExport: new RegExp(`>\\s*${NUMBER.value}\\s*<`).test(page),
    textInExport: page.includes(TEXT.value),
    templateInExport: page.includes(TEMPLATE.value),
  };
}

export const ALL_FOUND = {
  validateCode: 0,
  exportCode: 0,
  numberInValidate: true,
  numberInExport: true,
  textInExport: true,
  templateInExport: true,
};
