// The audit's CSV: one line per file, written and flushed as each file is done, so that a run stopped halfway
// (Ctrl+C, kill, power cut) leaves a valid CSV of every finished file; `--resume out.csv` reads it back and skips
// what it holds (same path, size and modification time). The columns are a contract: only ever add at the end.
import { closeSync, fdatasyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { SOURCE_WORDS } from '../../report/import/imported-supplement';
import { csvField } from '../report-json';
import type { AuditRow } from './audit-row';
import type { ResumedRow } from './audit-tally';

export const AUDIT_CSV_COLUMNS = [
  '文件',
  '类型',
  '机关名称',
  '年度',
  '格式',
  '错误',
  '提示',
  '导入说明',
  '主要问题',
  '无法读取的原因',
  // added after the first release (at the end, so that readers by position keep working)
  '已忽略的提示',
  '文件大小（字节）',
  '修改时间',
  '文字与表格不一致',
] as const;

const KIND_WORDS: Readonly<Record<AuditRow['kind'], string>> = { xlsx: '工作簿', ...SOURCE_WORDS };
export const FORMAT_WORDS: Readonly<Record<NonNullable<AuditRow['format']>, string>> = {
  template: '年报助手模板',
  '2021': '2021 年版',
  '2019': '含 2019 年版',
  unknown: '未识别',
};

export function auditCsvLine(row: AuditRow): string {
  return [
    row.path,
    KIND_WORDS[row.kind],
    row.agency,
    row.year,
    row.format ? FORMAT_WORDS[row.format] : '',
    row.error ? '' : row.errors,
    row.error ? '' : row.warnings,
    row.diagnostics,
    row.first.join('；'),
    row.error,
    row.error ? '' : row.dismissed,
    row.size,
    row.modified,
    row.error ? '' : row.narrative,
  ]
    .map((v) => csvField(v ?? null))
    .join(',');
}

const HEADER_LINE = `\ufeff${AUDIT_CSV_COLUMNS.join(',')}\r\n`;

interface CsvRecords {
  readonly records: string[][];
  /** Offset just after the last complete record (a line cut short by a kill is not one). */
  readonly completeEnd: number;
}

/** RFC 4180 records of `text`; a record counts only once its line ending is read. */
export function parseCsv(text: string): CsvRecords {
  const records: string[][] = [];
  let completeEnd = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      completeEnd = i + 1;
    } else field += ch;
    i++;
  }
  return { records, completeEnd };
}

/** The text of a field as written, with the formula-injection quote taken off again. */
const unquote = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** The key a file is known by in a CSV: its absolute path, bytes and modification time. */
export const fileKey = (path: string, size: number, modified: string) =>
  `${resolve(path)}\u0000${size}\u0000${modified}`;

export type ResumeRead =
  | { readonly ok: true; readonly done: ReadonlyMap<string, ResumedRow>; readonly completeBytes: number }
  | { readonly ok: false; readonly reason: string };

/** The rows of an earlier audit's CSV, by fileKey; a CSV from an older version (no size/time columns) is refused. */
export function readResumeCsv(path: string): ResumeRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, reason: `无法读取要续查的 CSV 文件 ${path}` };
  }
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  const text = bytes.subarray(bom).toString('utf8');
  const { records, completeEnd } = parseCsv(text);
  const header = records[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const [file, errors, reason, dismissed, size, modified] = [
    '文件',
    '错误',
    '无法读取的原因',
    '已忽略的提示',
    '文件大小（字节）',
    '修改时间',
  ].map(col);
  if (file < 0 || size < 0 || modified < 0)
    return {
      ok: false,
      reason: `${path} 不是 nianbao audit 写出的 CSV（或来自没有“文件大小”“修改时间”列的旧版本），无法据此续查`,
    };
  const done = new Map<string, ResumedRow>();
  for (const r of records.slice(1)) {
    if (r.length < header.length || !r[size] || !r[modified]) continue; // never stat'ed: checked again
    done.set(fileKey(unquote(r[file]), Number(r[size]), r[modified]), {
      errors: Number(r[errors]) || 0,
      dismissed: Number(r[dismissed]) || 0,
      unreadable: Boolean(r[reason]),
    });
  }
  return { ok: true, done, completeBytes: bom + Buffer.byteLength(text.slice(0, completeEnd), 'utf8') };
}

/** Appends lines to the CSV, each written and flushed to disk before the next file is reported. */
export class CsvSink {
  private constructor(private readonly fd: number) {}

  /** A new CSV (header written), or the one given to --resume cut back to its last complete line. */
  static open(path: string, resume: { readonly completeBytes: number } | null): CsvSink {
    if (!resume) {
      const fd = openSync(path, 'w');
      writeSync(fd, HEADER_LINE);
      return new CsvSink(fd);
    }
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, resume.completeBytes);
    const sink = new CsvSink(fd);
    sink.position = resume.completeBytes;
    return sink;
  }

  private position = Buffer.byteLength(HEADER_LINE, 'utf8');

  write(row: AuditRow): void {
    const line = Buffer.from(`${auditCsvLine(row)}\r\n`, 'utf8');
    this.position += writeSync(this.fd, line, 0, line.length, this.position);
    fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
