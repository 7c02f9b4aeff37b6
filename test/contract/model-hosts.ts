// The three hosts the suite runs in-process: an ExcelJS workbook (XlsxHost, what the CLI and the page's 保存 use),
// Excel through the Office.js fake (ExcelHost) and WPS through the ET double (WpsHost). The user's actions and what
// the user sees are done on each one's own data (ExcelJS's model, the fake's document, the double's model), never
// through the host under test.
import type ExcelJS from 'exceljs';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { type Box, boxAddress, parseBox, parseReference, sheetPrefix } from '../doubles/office-js/address';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { EtDouble } from '../doubles/wps-et';
import type { HostKind, HostUnderTest } from './host-under-test';
import { covers, shiftAreas, shiftBox, shiftKeyed } from './insert-rows';
import { shownFill, type RawValue } from './shown-fill';

const rawOf = (v: unknown): RawValue =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;

function inside(outer: Box, r: number, c: number): boolean {
  return outer.top <= r && r <= outer.bottom && outer.left <= c && c <= outer.right;
}

// ---------------------------------------------------------------- .xlsx (ExcelJS)

type CfSheet = ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };

export const xlsxKind: HostKind = {
  name: 'xlsx (ExcelJS)',
  async open(): Promise<HostUnderTest> {
    const host = new XlsxHost();
    const wb = host.workbook;
    wb.addWorksheet('Sheet1');
    const ws = (name: string) => wb.getWorksheet(name) as CfSheet;
    const rulesAt = (sheet: string, a1: string) =>
      ws(sheet).conditionalFormattings.filter((cf) =>
        covers(
          cf.ref.split(' ').map((r) => parseBox(r)!),
          a1,
        ),
      );
    return {
      host,
      async insertRows(sheet, before, count) {
        // ExcelJS moves the cells, their merges and the defined names; conditional formats it leaves: move them.
        const w = ws(sheet);
        w.spliceRows(before, 0, ...Array.from({ length: count }, () => []));
        for (const cf of w.conditionalFormattings) cf.ref = shiftAreas(cf.ref, before, count);
      },
      async merge(sheet, range) {
        ws(sheet).mergeCells(range);
      },
      async unmerge(sheet, range) {
        ws(sheet).unMergeCells(range);
      },
      async deleteName(name) {
        wb.definedNames.model = wb.definedNames.model.filter((d) => d.name !== name);
      },
      async deleteRulesAt(sheet, a1) {
        const gone = new Set(rulesAt(sheet, a1));
        ws(sheet).conditionalFormattings = ws(sheet).conditionalFormattings.filter((cf) => !gone.has(cf));
      },
      async isHidden(sheet) {
        return ws(sheet).state !== 'visible';
      },
      async shownFill(sheet, a1) {
        const rules = rulesAt(sheet, a1)
          .flatMap((cf) => cf.rules)
          .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
          .map((r) => ({
            formula: String((r as { formulae?: unknown[] }).formulae?.[0] ?? 'FALSE'),
            fill: (r.style?.fill as { bgColor?: { argb?: string } } | undefined)?.bgColor?.argb?.slice(2) ?? null,
          }));
        return shownFill(rules, (name) => {
          const { ranges } = wb.definedNames.getRanges(name);
          const ref = ranges.length === 1 ? parseReference(ranges[0]) : null;
          const target = ref ? wb.getWorksheet(ref.sheet) : undefined;
          return ref && target ? rawOf(target.getCell(ref.box.top, ref.box.left).value) : undefined;
        });
      },
      async close() {},
    };
  },
};

// ---------------------------------------------------------------- Excel (Office.js fake)

export const excelKind: HostKind = {
  name: 'Excel (Office.js fake)',
  async open(): Promise<HostUnderTest> {
    const fake = new FakeExcel();
    const restore = fake.install();
    const host = await ExcelHost.create({ echoWindowMs: 30 });
    const doc = fake.doc;
    const rulesAt = (sheet: string, a1: string) =>
      fake.sheet(sheet).conditionalFormats.filter((cf) => covers(cf.ranges, a1));
    return {
      host,
      async insertRows(sheet, before, count) {
        const s = fake.sheet(sheet);
        shiftKeyed(s.cells, ',', before, count);
        shiftKeyed(s.validations, ',', before, count);
        s.merges.splice(0, s.merges.length, ...s.merges.map((m) => shiftBox(m, before, count)));
        for (const cf of s.conditionalFormats) cf.ranges = cf.ranges.map((b) => shiftBox(b, before, count));
        const heights = [...s.rowHeights].map(([r, h]) => [r >= before ? r + count : r, h] as const);
        s.rowHeights.clear();
        for (const [r, h] of heights) s.rowHeights.set(r, h);
        for (const n of doc.names) {
          const ref = parseReference(n.formula);
          if (ref && ref.sheet.toLowerCase() === sheet.toLowerCase())
            n.formula = `=${sheetPrefix(ref.sheet)}${boxAddress(shiftBox(ref.box, before, count), true)}`;
        }
      },
      async merge(sheet, range) {
        // "Merging cells only keeps the upper-left value and discards other values" (Excel's warning).
        const box = parseBox(range)!;
        const s = fake.sheet(sheet);
        for (const [key, cell] of s.cells) {
          const [r, c] = key.split(',').map(Number);
          if (inside(box, r, c) && !(r === box.top && c === box.left)) {
            cell.value = '';
            delete cell.formula;
          }
        }
        fake.userMerge(sheet, range);
      },
      async unmerge(sheet, range) {
        const box = parseBox(range)!;
        const s = fake.sheet(sheet);
        s.merges.splice(0, s.merges.length, ...s.merges.filter((m) => boxAddress(m) !== boxAddress(box)));
      },
      async deleteName(name) {
        const i = doc.names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
        if (i >= 0) doc.names.splice(i, 1);
      },
      async deleteRulesAt(sheet, a1) {
        const list = fake.sheet(sheet).conditionalFormats;
        const keep = list.filter((cf) => !covers(cf.ranges, a1));
        list.splice(0, list.length, ...keep);
      },
      async isHidden(sheet) {
        return fake.sheet(sheet).visibility !== 'Visible';
      },
      async shownFill(sheet, a1) {
        const rules = rulesAt(sheet, a1).map((cf) => ({ formula: cf.formula ?? 'FALSE', fill: cf.fill }));
        return shownFill(rules, (name) => {
          const ref = parseReference(doc.nameByName(name)?.formula ?? '');
          const s = ref ? doc.sheetByName(ref.sheet) : undefined;
          if (!ref || !s) return undefined;
          const v = s.peek(ref.box.top, ref.box.left)?.value;
          return v === '' ? null : rawOf(v);
        });
      },
      async close() {
        await fake.settle();
        restore();
      },
    };
  },
};

// ---------------------------------------------------------------- WPS (ET double)

/** ET colours are BGR longs (Interior.Color). */
const rgbOfBgr = (n: number) =>
  [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff]
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

export const wpsKind: HostKind = {
  name: 'WPS (ET double)',
  async open(): Promise<HostUnderTest> {
    const et = new EtDouble();
    const host = new WpsHost(et.application() as never, { events: { channel: null } });
    const wb = () => et._wb();
    const rulesAt = (sheet: string, a1: string) => et.sheet(sheet).cfs.filter((cf) => covers(cf.areas, a1));
    return {
      host,
      async insertRows(sheet, before, count) {
        const s = et.sheet(sheet);
        shiftKeyed(s.cells, ':', before, count);
        s.merges = s.merges.map((m) => shiftBox(m, before, count));
        for (const cf of s.cfs) cf.areas = cf.areas.map((a) => shiftBox(a, before, count));
        const heights = [...s.rowHeights].map(([r, h]) => [r >= before ? r + count : r, h] as const);
        s.rowHeights.clear();
        for (const [r, h] of heights) s.rowHeights.set(r, h);
        for (const n of wb().names)
          if (n.target?.sheet === s)
            n.target = { sheet: s, areas: n.target.areas.map((a) => shiftBox(a, before, count)) };
      },
      async merge(sheet, range) {
        et.userMerge(sheet, range);
      },
      async unmerge(sheet, range) {
        const box = parseBox(range)!;
        const s = et.sheet(sheet);
        s.merges = s.merges.filter((m) => boxAddress(m) !== boxAddress(box));
      },
      async deleteName(name) {
        const names = wb().names;
        const i = names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
        if (i >= 0) names.splice(i, 1);
      },
      async deleteRulesAt(sheet, a1) {
        const s = et.sheet(sheet);
        s.cfs = s.cfs.filter((cf) => !covers(cf.areas, a1));
      },
      async isHidden(sheet) {
        return et.sheet(sheet).visible !== -1;
      },
      async shownFill(sheet, a1) {
        const rules = rulesAt(sheet, a1).map((cf) => ({
          formula: cf.formula1,
          fill: cf.interiorColor === null ? null : rgbOfBgr(cf.interiorColor),
        }));
        return shownFill(rules, (name) => {
          const target = wb().findName(name)?.target;
          if (!target) return undefined;
          const a = target.areas[0];
          return rawOf(et._valueAt(target.sheet, a.top, a.left));
        });
      },
      async close() {},
    };
  },
};
