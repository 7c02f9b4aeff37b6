// `nianbao rollup child.xlsx… -o parent.xlsx --agency X --year N`: 汇总 of the reports of subordinate agencies.
// Each child is read (our workbook, or a published report as text/HTML), screened (errors, another year, another
// format version, an agency already counted: refused by name), and the parent's additive cells are their sums;
// the 汇总明细 sheet lists each child's contribution per cell. The parent is then validated like any report.
// Exit 0: written and valid; 1: a child refused (nothing written unless --skip-refused) or the parent has errors;
// 2: bad arguments or nothing readable.
import { basename } from 'node:path';
import {
  checkNumber,
  childFacts,
  planInsertion,
  planRollupDetail,
  screenChildren,
  sumChildren,
  ROLLUP_DETAIL_SHEET,
  type ChildFacts,
  type RollupChild,
} from '../../report';
import type { Format } from '../../report/format/format';
import { buildFormat2021 } from '../../report/format/formats';
import { XlsxHost } from '../../hosts/xlsx/xlsx-host';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { outputsAllowed, writeOutputFile } from '../output-file';
import { validateWorkbookFile } from '../validate-file';
import { readChild } from './rollup-child';

/** Writes the parent workbook: the template (of `format`) filled with the sums, and the 汇总明细 sheet. */
export async function writeRollupWorkbook(
  children: readonly RollupChild[],
  meta: { agency: string; year: number },
  path: string,
  format: Format,
): Promise<void> {
  const rollup = sumChildren(children, meta, format);
  const host = new XlsxHost();
  await host.applyEdits(planInsertion({ sheets: [], names: [] }, meta).edits);
  const values = new Map<string, number>();
  for (const k of rollup.contributions) {
    const v = rollup.values[format.cells.inputByName.get(k.name)!.index];
    if (v.kind === 'number') values.set(k.name, v.value);
  }
  await host.writeNamedValues(values);
  await host.applyEdits(planRollupDetail(children, rollup, format));
  await writeOutputFile(path, await host.toBuffer());
}

export const rollupCommand: CliCommand = {
  summary: '汇总多个下级机关的年报：可相加的数字逐项求和，另附「汇总明细」工作表，并校验汇总结果',
  usage: 'nianbao rollup <下级报告…> -o 汇总.xlsx --agency 机关名称 --year 2025 [--skip-refused] [--force]',
  async run(args, io) {
    const p = parse(args, {
      output: { type: 'string', short: 'o' },
      agency: { type: 'string' },
      year: { type: 'string' },
      'skip-refused': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const out = p.values.output as string | undefined;
    const agency = ((p.values.agency as string | undefined) ?? '').trim();
    const year = Number(p.values.year);
    if (p.positionals.length === 0) return usageError(io, '请指定要汇总的下级报告。', this.usage);
    if (!out) return usageError(io, '请用 -o 指定汇总结果的 .xlsx 文件。', this.usage);
    if (!agency) return usageError(io, '请用 --agency 指定汇总单位的机关名称。', this.usage);
    if (!Number.isInteger(year) || checkNumber('year', year))
      return usageError(io, '请用 --year 指定汇总的年度（四位数字，如 2025）。', this.usage);
    if (!(await outputsAllowed(io, [out], p.positionals, p.values.force))) return EXIT.unreadable;

    // The format the children are read and summed by, and the parent's template is of: built once, handed down.
    const format = buildFormat2021();
    const children: RollupChild[] = [];
    const facts: ChildFacts[] = [];
    const unreadable: { label: string; reason: string }[] = [];
    for (const path of p.positionals) {
      const read = await readChild(path, format);
      if (!read.ok) {
        unreadable.push({ label: basename(path), reason: `无法读取：${read.reason}` });
        continue;
      }
      const f = childFacts(basename(path), read.values, read.otherFormat, format);
      facts.push(f);
      children.push({ label: f.label, values: read.values });
    }
    const screening = screenChildren(facts, year);
    const refused = [...unreadable, ...screening.refused];
    for (const r of refused) io.err(`未计入 ${r.label}：${r.reason}\n`);
    if (refused.length > 0 && !p.values['skip-refused']) {
      io.err(
        `有 ${refused.length} 个下级报告不能计入，未写入 ${out}。改正后重试，或加 --skip-refused 只汇总其余报告\n`,
      );
      return EXIT.findings;
    }
    const accepted = screening.accepted.map((i) => children[i]);
    if (accepted.length === 0) {
      io.err('没有可以汇总的下级报告\n');
      return EXIT.unreadable;
    }
    await writeRollupWorkbook(accepted, { agency, year }, out, format);
    io.out(`已汇总 ${accepted.length} 个下级报告 → ${out}（各项来源见工作表「${ROLLUP_DETAIL_SHEET}」）\n`);
    if (refused.length) io.out(`未计入 ${refused.length} 个：${refused.map((r) => r.label).join('、')}\n`);
    const check = await validateWorkbookFile(out, format);
    const { errors, warnings } = check.json.summary;
    io.out(
      errors === 0 ? `汇总结果校验通过（${warnings} 个提示）\n` : `汇总结果有 ${errors} 个错误，${warnings} 个提示：\n`,
    );
    for (const f of check.findings.filter((x) => x.severity === 'error')) io.out(`  错误  ${f.message}\n`);
    return errors > 0 || refused.length > 0 ? EXIT.findings : EXIT.ok;
  },
};
