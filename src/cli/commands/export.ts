import { reportFromValues, renderNarrative } from '../../report';
import { buildFormat2021 } from '../../report/format/formats';
import { exportDocuments } from '../../export/export-documents';
import { exportGate, gateLines } from '../../export/export-gate';
import { loadReport } from '../../export/load-report';
import { ReadRefusal } from '../../hosts/xlsx/reader/limits';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { inputsCsv, textFieldRows } from '../report-json';
import { validateWorkbookFile } from '../validate-file';
import { outputsAllowed, writeOutputFile } from '../output-file';
import { line } from '../shown-text';

export const exportCommand: CliCommand = {
  summary:
    '导出年报：--csv 每个填报单元格一行（table,row,column,ref,value）；--docx/--html 整份报告（国家格式版式）；有错误时不导出，除非加 --allow-errors',
  usage:
    'nianbao export report.xlsx [--csv out.csv] [--docx report.docx] [--html report.html] [--allow-errors] [--force]',
  async run(args, io) {
    const p = parse(args, {
      csv: { type: 'string' },
      docx: { type: 'string' },
      html: { type: 'string' },
      force: { type: 'boolean' },
      'allow-errors': { type: 'boolean' },
    });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const [path] = p.positionals;
    const csv = p.values.csv as string | undefined;
    const docx = p.values.docx as string | undefined;
    const html = p.values.html as string | undefined;
    if (!path || !(csv || docx || html))
      return usageError(io, '请指定要导出的 .xlsx 文件，以及 --csv、--docx、--html 中至少一个输出文件。', this.usage);
    // Never over the workbook itself (export f.xlsx --csv f.xlsx), nor over an existing file without --force.
    if (!(await outputsAllowed(io, [csv, docx, html], [path], p.values.force))) return EXIT.unreadable;
    // The format exported (the template's): built once, handed to the reading, the gate and the CSV.
    const format = buildFormat2021();
    const outcome = await validateWorkbookFile(path, format);
    if (!outcome.readable) {
      io.err(line`无法读取 ${path}：${outcome.json.error}\n`);
      return EXIT.unreadable;
    }
    // The gate: errors stop the export (nothing is written) unless --allow-errors; blanks and warnings are shown.
    const values = outcome.values!;
    const { report } = reportFromValues(values.slice(0, format.inputCells.length), format);
    const gate = exportGate(outcome.findings, values, report, format);
    const lines = gateLines(gate, (f) => outcome.refs.get(f.cells[0]) ?? f.cells[0]);
    if (gate.blocked && !p.values['allow-errors']) {
      io.err(
        line`未导出 ${path}：` + `${lines.join('\n')}\n修正错误后再导出；确需导出有错误的报告请加 --allow-errors\n`,
      );
      return EXIT.findings;
    }
    if (lines.length) io.err(`${gate.blocked ? '注意（按 --allow-errors 仍然导出）：' : ''}${lines.join('\n')}\n`);
    // Everything below reads from the reader validate opened: the file is read once, and never by ExcelJS. The
    // 补充信息 sheet is streamed on first use, so a refusal of the reader (a limit) can only come here.
    const reader = outcome.reader!;
    try {
      if (csv) {
        await writeOutputFile(
          csv,
          inputsCsv(values, outcome.refs, format.cells, await textFieldRows(reader, format.cells)),
        );
        io.out(line`已导出 ${csv}\n`);
      }
      if (docx || html) {
        const loaded = await loadReport(reader, format);
        if (!loaded.ok) {
          io.err(line`无法读取 ${path}：${loaded.reason}\n`);
          return EXIT.unreadable;
        }
        const narrative = renderNarrative(loaded.report, loaded.supplement);
        for (const written of await exportDocuments(loaded.report, narrative, { docx, html }, format, writeOutputFile))
          io.out(line`已导出 ${written}\n`);
      }
    } catch (e) {
      if (!(e instanceof ReadRefusal)) throw e;
      io.err(line`无法读取 ${path}：${e.reason}\n`);
      return EXIT.unreadable;
    }
    return EXIT.ok;
  },
};
