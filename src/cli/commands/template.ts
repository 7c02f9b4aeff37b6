import { FIRST_YEAR, LAST_YEAR, planInsertion } from '../../report';
import { XlsxHost } from '../../hosts/xlsx/xlsx-host';
import { EXIT, type CliCommand } from '../cli-command';
import { parse, usageError } from '../args';
import { outputsAllowed, writeOutputFile } from '../output-file';
import { line } from '../shown-text';

export const templateCommand: CliCommand = {
  summary: '生成年报模板工作簿（.xlsx）',
  usage: 'nianbao template -o report.xlsx [--agency 机关名称] [--year 2025] [--amount-format upTo4|fixed4] [--force]',
  async run(args, io) {
    const p = parse(args, {
      output: { type: 'string', short: 'o' },
      agency: { type: 'string' },
      year: { type: 'string' },
      'amount-format': { type: 'string' },
      force: { type: 'boolean' },
    });
    if ('error' in p) return usageError(io, p.error, this.usage);
    const out = p.values.output as string | undefined;
    if (!out) return usageError(io, '请用 -o 指定输出文件。', this.usage);
    const yearText = p.values.year as string | undefined;
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !(Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR)) {
      io.err(`--year 应为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的四位年份，收到「${yearText}」\n`);
      return EXIT.unreadable;
    }
    const amountFormat = (p.values['amount-format'] as string | undefined) ?? 'upTo4';
    if (amountFormat !== 'upTo4' && amountFormat !== 'fixed4') {
      io.err(`--amount-format 只能是 upTo4（最多 4 位小数）或 fixed4（固定 4 位小数），收到「${amountFormat}」\n`);
      return EXIT.unreadable;
    }
    if (!(await outputsAllowed(io, [out], [], p.values.force))) return EXIT.unreadable;
    const host = new XlsxHost();
    const agency = p.values.agency as string | undefined;
    await host.applyEdits(planInsertion({ sheets: [], names: [] }, { agency, year, amountFormat }).edits);
    await writeOutputFile(out, await host.toBuffer());
    io.out(line`已生成年报模板：${out}\n`);
    return EXIT.ok;
  },
};
