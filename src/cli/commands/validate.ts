import { SEVERITY_LABEL, displayContent, sortFindings, type CellContent } from '../../report';
import { buildFormat2021 } from '../../report/format/formats';
import { previousValuesFrom } from '../../report/import';
import { readReportSource } from '../read-report-source';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { validateWorkbookFile } from '../validate-file';
import { line } from '../shown-text';

const BLANKS_SHOWN = 5;

export const validateCommand: CliCommand = {
  summary: '校验已填写的年报工作簿，列出错误和提示（退出码 0 通过，1 有错误，2 无法读取）',
  usage: 'nianbao validate report.xlsx [--json] [--previous 上年.xlsx|上年.txt|上年.html]',
  async run(args, io) {
    const p = parse(args, { json: { type: 'boolean' }, previous: { type: 'string' } });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const [path, ...extra] = p.positionals;
    if (!path || extra.length) return usageError(io, '请指定一个要校验的 .xlsx 文件。', this.usage);
    // Last year's report (our workbook, or the published text/HTML) for the cross-year rules X.carry, X.inforce.
    const previousPath = p.values.previous as string | undefined;
    // The format the workbook is validated as (the template's): built once, handed to every reader and check.
    const format = buildFormat2021();
    let previous: CellContent[] | undefined;
    if (previousPath) {
      const source = await readReportSource(previousPath, format);
      if (!source.ok) {
        io.err(line`无法读取上年报告 ${previousPath}：${source.reason}\n`);
        return EXIT.unreadable;
      }
      previous = previousValuesFrom(source.values, format);
    }
    const outcome = await validateWorkbookFile(path, format, { previous });
    const { json } = outcome;
    if (p.values.json) io.out(`${JSON.stringify(json, null, 2)}\n`);
    if (!outcome.readable) {
      io.err(line`无法读取 ${path}：${json.error}\n`);
      return EXIT.unreadable;
    }
    if (!p.values.json) {
      const values = outcome.values!;
      const agency = values[format.cells.input('META', 'agency').index];
      const year = values[format.cells.input('META', 'year').index];
      io.out(
        line`文件：${path}（年报助手模板，版本 ${json.template?.version ?? '未知'}，工作表「${json.template?.sheet}」）\n`,
      );
      io.out(line`机关名称：${displayContent(agency)}\u3000年度：${displayContent(year)}\n`);
      const { errors, warnings } = json.summary;
      const ignored = outcome.dismissed.size ? `，另有 ${outcome.dismissed.size} 个提示已忽略` : '';
      io.out(
        errors === 0
          ? `结果：通过（0 个错误，${warnings} 个提示${ignored}）\n`
          : `结果：${errors} 个错误，${warnings} 个提示${ignored}\n`,
      );
      if (outcome.dismissalProblem) io.out(`提示  ${outcome.dismissalProblem}\n`);
      // Blank cells are listed a few at a time: a fresh template has 200 of them.
      const sorted = sortFindings(outcome.findings);
      const blanks = sorted.filter((f) => f.rule === 'blank');
      for (const f of [...sorted.filter((f) => f.rule !== 'blank'), ...blanks.slice(0, BLANKS_SHOWN)]) {
        const ref = outcome.refs.get(f.cells[0]) ?? f.cells[0];
        const reason = outcome.dismissed.get(f);
        const label =
          reason === undefined ? SEVERITY_LABEL[f.severity] : `${SEVERITY_LABEL[f.severity]}（已忽略：${reason}）`;
        io.out(line`${label}  ${ref}  ${f.message}\n`);
      }
      if (blanks.length > BLANKS_SHOWN)
        io.out(
          line`提示  ……另有 ${blanks.length - BLANKS_SHOWN} 个空白单元格（没有发生的事项应填 0；--json 列出全部）\n`,
        );
    }
    return json.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
