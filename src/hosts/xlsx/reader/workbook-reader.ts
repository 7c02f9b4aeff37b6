// The targeted workbook reader: the zip's directory, workbook.xml's names, and then only the cells the names
// point at, streamed from only the sheets they are on; shared strings and styles read only as far as those cells
// need. Every read is bounded by READ_LIMITS. Browser-safe (Uint8Array in, no Node API): the CLI reads a file
// into bytes (read-file.ts), the page hands it the bytes of the file the user chose.
import { a1, parseRange, type RangeRef } from '../../../report/layout/a1';
import { BLANK, type CellContent } from '../../../report/model/cell-content';
import type { CellReader, NamedCellsRead, NamedRef } from '../../../report/reading/cell-reader';
import { cellValue, type CellContext } from './cell-value';
import { readDateStyles } from './cell-styles';
import { Deadline, LIMIT_REASONS, READ_LIMITS, ReadRefusal, refuse, type ReadLimits } from './limits';
import { nameProblem } from './name-problems';
import { nameTarget, type NameTarget } from './name-target';
import { readSharedStrings } from './shared-strings';
import { cellKey, readSheetCells, type RawCell } from './sheet-cells';
import { readWorkbookParts, type SheetPart, type StoredName } from './workbook-names';
import type { XmlSource } from './xml-stream';
import { InflateBudget, readZipDirectory, type ZipEntry } from './zip-entries';

export type ReaderOpen =
  { readonly ok: true; readonly reader: WorkbookReader } | { readonly ok: false; readonly reason: string };

interface SheetCache {
  readonly cells: Map<number, RawCell>;
  readonly asked: Set<number>;
  merges: readonly RangeRef[];
}

/** Magic bytes of what people rename to .xlsx, each with what to do about it. */
function foreignFile(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件是空的（0 字节）';
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46)
    return '这是一个 PDF 文件，不是 Excel 工作簿（.xlsx）；PDF 报告请用 nianbao import 导入文本';
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0)
    return '文件设置了打开密码（已加密），或是旧版 .xls 格式：请在 Excel 或 WPS 中去掉打开密码，另存为 .xlsx 后再试';
  if (!(b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04))
    return '不是 .xlsx 文件（不是 Excel 2007 及以后版本的工作簿格式）';
  return null;
}

export class WorkbookReader implements CellReader {
  private readonly source: XmlSource;
  private readonly scanned = { cells: 0 };
  private readonly sheetCache = new Map<string, SheetCache>();
  private readonly strings = new Map<number, string>();
  private dateStyles: ((style: number) => boolean) | null = null;
  /** Workbook-level names (last definition of a spelling), with their parsed targets. */
  private readonly targets = new Map<string, NameTarget>();

  private constructor(
    zip: Uint8Array,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly sheets: readonly SheetPart[],
    names: readonly StoredName[],
    private readonly date1904: boolean,
    limits: ReadLimits,
  ) {
    this.source = { zip, budget: new InflateBudget(limits), deadline: new Deadline(limits.wallMs) };
    for (const n of names)
      if (n.localSheetId === undefined && !n.name.startsWith('_xlnm.')) this.targets.set(n.name, nameTarget(n.text));
  }

  /**
   * Opens `bytes` and reads `names` (the template's cells, typically) at once, so that every refusal is known
   * here; names asked for later are read when asked.
   */
  static open(bytes: Uint8Array, preload: readonly string[] = [], limits: ReadLimits = READ_LIMITS): ReaderOpen {
    const foreign = foreignFile(bytes);
    if (foreign) return { ok: false, reason: foreign };
    try {
      if (bytes.length > limits.fileBytes)
        refuse(
          `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），年报工作簿通常小于 1 MB，上限为 ${(limits.fileBytes / 1048576).toFixed(1)} MB`,
        );
      const dir = readZipDirectory(bytes);
      if ('error' in dir) return { ok: false, reason: dir.error };
      if (dir.entries.length > limits.entries) refuse(LIMIT_REASONS.entries(dir.entries.length, limits.entries));
      let total = 0;
      for (const e of dir.entries) {
        total += e.size;
        if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > limits.ratio)
          refuse(LIMIT_REASONS.ratio(e.name, limits.ratio));
      }
      if (total > limits.totalUncompressed) refuse(LIMIT_REASONS.totalUncompressed(total, limits.totalUncompressed));
      const entries = new Map(dir.entries.map((e) => [e.name, e]));
      const budget = new InflateBudget(limits);
      const deadline = new Deadline(limits.wallMs);
      const parts = readWorkbookParts({ zip: bytes, budget, deadline }, entries);
      const problem = nameProblem(parts.names, parts.sheets);
      if (problem) return { ok: false, reason: problem };
      const reader = new WorkbookReader(bytes, entries, parts.sheets, parts.names, parts.date1904, limits);
      reader.source.budget.used = budget.used;
      if (preload.length > 0) reader.readNow(preload);
      return { ok: true, reader };
    } catch (e) {
      if (e instanceof ReadRefusal) return { ok: false, reason: e.reason };
      throw e;
    }
  }

  async listNames(): Promise<readonly NamedRef[]> {
    return [...this.targets].map(([name]) => ({ name, ref: this.refOf(name) }));
  }

  async sheetNames(): Promise<readonly string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readNamedCells(names: readonly string[]): Promise<NamedCellsRead> {
    return this.readNow(names);
  }

  /** "Sheet!A1" (sheet unquoted) for a name on one cell of an existing sheet; null otherwise. */
  private refOf(name: string): string | null {
    const t = this.targets.get(name);
    if (!t || !this.sheetPart(t)) return null;
    if (t.kind === 'cell') return `${t.sheet}!${a1(t.row, t.col)}`;
    return t.kind === 'range' ? `${t.sheet}!${t.range}` : null;
  }

  private sheetPart(t: NameTarget): SheetPart | undefined {
    return 'sheet' in t ? this.sheets.find((s) => s.name === t.sheet) : undefined;
  }

  /** The cached cells of `sheet`, streaming the part again only for keys not asked before. */
  private sheetCells(part: SheetPart, keys: ReadonlySet<number>): SheetCache {
    let cache = this.sheetCache.get(part.name);
    if (!cache) {
      cache = { cells: new Map(), asked: new Set(), merges: [] };
      this.sheetCache.set(part.name, cache);
    }
    const fresh = new Set([...keys].filter((k) => !cache.asked.has(k)));
    if (fresh.size === 0) return cache;
    const entry = part.path ? this.entries.get(part.path) : undefined;
    if (!entry) return refuse(`工作表「${part.name}」的内容在压缩包中缺失，文件已损坏`);
    const read = readSheetCells(this.source, entry, part.name, fresh, this.scanned);
    for (const [k, c] of read.cells) cache.cells.set(k, c);
    for (const k of fresh) cache.asked.add(k);
    cache.merges = read.merges;
    return cache;
  }

  private readNow(names: readonly string[]): NamedCellsRead {
    type At = { name: string; part: SheetPart; row: number; col: number };
    const located: (At | null)[] = names.map((name) => {
      const t = this.targets.get(name);
      const part = t && (t.kind === 'cell' || t.kind === 'range') ? this.sheetPart(t) : undefined;
      if (!t || !part) return null;
      if (t.kind === 'cell') return { name, part, row: t.row, col: t.col };
      if (t.kind !== 'range') return null;
      const r = parseRange(t.range);
      return r ? { name, part, row: r.top, col: r.left } : null;
    });
    // The named cells, then (once merges are known) the first cell of any merge covering one of them.
    const bySheet = new Map<SheetPart, Set<number>>();
    for (const at of located) {
      if (!at) continue;
      const keys = bySheet.get(at.part) ?? new Set<number>();
      keys.add(cellKey(at.row, at.col));
      bySheet.set(at.part, keys);
    }
    const caches = new Map<SheetPart, SheetCache>();
    for (const [part, keys] of bySheet) caches.set(part, this.sheetCells(part, keys));
    const masterOf = new Map<At, { row: number; col: number }>();
    for (const at of located) {
      if (!at) continue;
      const merge = caches
        .get(at.part)!
        .merges.find((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
      if (merge && (merge.top !== at.row || merge.left !== at.col))
        masterOf.set(at, { row: merge.top, col: merge.left });
    }
    const masterKeys = new Map<SheetPart, Set<number>>();
    for (const [at, m] of masterOf) {
      const keys = masterKeys.get(at.part) ?? new Set<number>();
      keys.add(cellKey(m.row, m.col));
      masterKeys.set(at.part, keys);
    }
    for (const [part, keys] of masterKeys) this.sheetCells(part, keys);
    const rawOf = (at: At): RawCell | undefined => {
      const m = masterOf.get(at) ?? at;
      return this.sheetCache.get(at.part.name)!.cells.get(cellKey(m.row, m.col));
    };
    this.loadStrings(located.map((at) => (at ? rawOf(at) : undefined)));
    const values: CellContent[] = [];
    const missing: string[] = [];
    const mergedAway: string[] = [];
    located.forEach((at, i) => {
      if (!at) {
        missing.push(names[i]);
        values.push(BLANK);
        return;
      }
      if (masterOf.has(at)) mergedAway.push(at.name);
      values.push(cellValue(rawOf(at), this.context(at.part.name)));
    });
    return { values, missing, mergedAway };
  }

  /** Shared strings and date styles, read once and only as far as `raws` need. */
  private loadStrings(raws: readonly (RawCell | undefined)[]): void {
    const wanted = new Set<number>();
    let styled = false;
    for (const r of raws) {
      if (!r) continue;
      if (r.t === 's' && r.f === undefined && r.v !== undefined) {
        const i = Number(r.v);
        if (Number.isInteger(i) && i >= 0 && !this.strings.has(i)) wanted.add(i);
      }
      if (r.s !== undefined && r.t !== 's' && r.t !== 'str' && r.t !== 'inlineStr') styled = true;
    }
    if (wanted.size > 0) {
      const found = readSharedStrings(this.source, this.partEntry('sharedStrings'), wanted);
      for (const [i, s] of found) this.strings.set(i, s);
    }
    if (styled && !this.dateStyles) this.dateStyles = readDateStyles(this.source, this.partEntry('styles'));
  }

  private partEntry(kind: 'sharedStrings' | 'styles'): ZipEntry | undefined {
    return this.entries.get(`xl/${kind}.xml`);
  }

  private context(sheet: string): CellContext {
    return {
      sheet,
      strings: this.strings,
      isDateStyle: this.dateStyles ?? (() => false),
      date1904: this.date1904,
    };
  }
}
