import { writeFile } from 'node:fs/promises';
import { EXIT, type CliCommand } from '../cli-command';
import { parse } from '../args';
import { inputsCsv } from '../report-json';
import { validateWorkbookFile } from '../validate-file';

export const exportCommand: CliCommand = {
  summary: '导出年报数据：--csv 每个填报单元格一行（table,row,column,ref,value）',
  usage: 'nianbao export report.xlsx --csv out.csv',
  async run(args, io) {
    const p = parse(args, { csv: { type: 'string' } });
    if ('error' in p) {
      io.err(`${p.error}\n用法：${this.usage}\n`);
      return EXIT.unreadable;
    }
    const [path] = p.positionals;
    const csv = p.values.csv as string | undefined;
    if (!path || !csv) {
      io.err(`请指定要导出的 .xlsx 文件和 --csv 输出文件。\n用法：${this.usage}\n`);
      return EXIT.unreadable;
    }
    const outcome = await validateWorkbookFile(path);
    if (!outcome.readable) {
      io.err(`无法读取 ${path}：${outcome.json.error}\n`);
      return EXIT.unreadable;
    }
    await writeFile(csv, inputsCsv(outcome.values!, outcome.refs));
    io.out(`已导出 ${csv}\n`);
    return EXIT.ok;
  },
};
