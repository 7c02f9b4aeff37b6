import { renderNarrative } from '../../report';
import { exportDocuments } from '../../export/export-documents';
import { loadReportFile } from '../load-report-file';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { inputsCsv } from '../report-json';
import { validateWorkbookFile } from '../validate-file';
import { outputsAllowed, writeOutputFile } from '../output-file';
import { line } from '../shown-text';

export const exportCommand: CliCommand = {
  summary: '导出年报：--csv 每个填报单元格一行（table,row,column,ref,value）；--docx/--html 整份报告（国家格式版式）',
  usage: 'nianbao export report.xlsx [--csv out.csv] [--docx report.docx] [--html report.html] [--force]',
  async run(args, io) {
    const p = parse(args, {
      csv: { type: 'string' },
      docx: { type: 'string' },
      html: { type: 'string' },
      force: { type: 'boolean' },
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
    if (csv) {
      const outcome = await validateWorkbookFile(path);
      if (!outcome.readable) {
        io.err(line`无法读取 ${path}：${outcome.json.error}\n`);
        return EXIT.unreadable;
      }
      await writeOutputFile(csv, inputsCsv(outcome.values!, outcome.refs));
      io.out(line`已导出 ${csv}\n`);
    }
    if (docx || html) {
      const loaded = await loadReportFile(path);
      if (!loaded.ok) {
        io.err(line`无法读取 ${path}：${loaded.reason}\n`);
        return EXIT.unreadable;
      }
      const narrative = renderNarrative(loaded.report, loaded.supplement);
      for (const written of await exportDocuments(loaded.report, narrative, { docx, html }, writeOutputFile))
        io.out(line`已导出 ${written}\n`);
    }
    return EXIT.ok;
  },
};
