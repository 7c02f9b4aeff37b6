// Nothing typed is lost in Excel and WPS (issue #11, first "must show", the doubles' half): through the pane's
// controllers over ExcelHost (fake Office.js) and WpsHost (ET double), the user types a number in 表二 and a text in
// 补充信息 in the sheet and saves a custom template in 叙述; the pane is closed and opened again (a new host and
// controllers over the same workbook: the workbook is where Excel and WPS keep the work); the workbook's persisted
// set (every field of workbookFields) is saved as .xlsx; `nianbao validate --json` and `nianbao export --html` on
// that file find all three.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import type { SpreadsheetHost } from '../../src/hosts/spreadsheet-host';
import { readWorkbookValues } from '../../src/hosts/workbook-values';
import { writeReportFile } from '../../src/hosts/web/xlsx-files';
import { WpsHost } from '../../src/hosts/wps/wps-host';
import { splitSheetRef, workbookFieldNames } from '../../src/report';
import { NarrativeController } from '../../src/taskpane/narrative/narrative-controller';
import { ReportController } from '../../src/taskpane/report-controller';
import { FakeExcel } from '../doubles/office-js/fake-excel';
import { EtDouble } from '../doubles/wps-et';
import { suiteTempDir } from '../support/temp-dir';
import { ALL_FOUND, NUMBER, NUMBER_ROW, TEMPLATE, TEXT, findThree } from '../support/three-things';

jest.setTimeout(60_000);
const dir = suiteTempDir('nianbao-doubles-lost-');

interface Office {
  /** A fresh host over the same workbook (the pane opened again). */
  host(): Promise<SpreadsheetHost>;
  /** The user types into a cell of the sheet. */
  type(sheet: string, address: string, value: string | number): Promise<void>;
  close(): void;
}

function excel(): Office {
  const fake = new FakeExcel();
  const restore = fake.install();
  return {
    host: () => ExcelHost.create({ echoWindowMs: 30 }),
    type: async (sheet, address, value) => {
      await fake.userEdit(sheet, address, value);
      await fake.settle();
    },
    close: restore,
  };
}

function wps(): Office {
  const et = new EtDouble();
  return {
    host: async () => new WpsHost(et.application() as never, { events: { channel: null } }),
    type: async (sheet, address, value) => void et.userEdit(sheet, address, value),
    close: () => undefined,
  };
}

async function typeByName(office: Office, host: SpreadsheetHost, name: string, value: string | number) {
  const ref = (await host.listNames()).find((n) => n.name === name)?.ref;
  const at = splitSheetRef(ref ?? '');
  if (!at) throw new Error(`no cell for ${name}`);
  await office.type(at.sheet, at.range, value);
}

describe.each([
  ['Excel', excel],
  ['WPS', wps],
])('%s: type → close and reopen the pane → save → validate / export', (label, make) => {
  it('finds the number, the 补充信息 text and the custom template', async () => {
    const office = make();
    try {
      let host = await office.host();
      let pane = new ReportController(host, { debounceMs: 10 });
      await pane.start();
      expect(await pane.insertTemplate({ agency: `某县${label}测试局`, year: '2025' })).toMatchObject({ ok: true });
      for (const c of [NUMBER, ...NUMBER_ROW, TEXT]) await typeByName(office, host, c.name, c.value);
      let narrative = new NarrativeController(host, pane);
      await pane.refresh();
      narrative.edit('apply', TEMPLATE.value);
      expect(await narrative.save('apply')).toBe(true);
      pane.dispose();

      // The pane opened again: a new host and controllers read everything back from the workbook.
      host = await office.host();
      pane = new ReportController(host, { debounceMs: 10 });
      await pane.start();
      narrative = new NarrativeController(host, pane);
      await pane.refresh();
      const { report, supplement } = narrative.current();
      expect(supplement.texts.problems).toBe(TEXT.value);
      expect(supplement.templates.apply).toBe(TEMPLATE.value);
      expect(report.agency).toBe(`某县${label}测试局`);

      // Saved as .xlsx: the one persisted set, read from this host by name.
      const values = await readWorkbookValues(host);
      expect([...values.keys()].sort()).toEqual(
        workbookFieldNames()
          .filter((n) => !n.startsWith('nb_prev_'))
          .sort(),
      );
      const file = join(dir, `${label}.xlsx`);
      writeFileSync(file, Buffer.from(await writeReportFile(values)));
      pane.dispose();

      expect(await findThree(file, dir)).toMatchObject({ ...ALL_FOUND, template: { sheet: '年报' } });
    } finally {
      office.close();
    }
  });
});
