// Univer's own bare page, the yardstick for bench/web.ts: the presets as Univer's guide sets them up (sheets core
// and conditional formatting, zh-CN), an empty workbook, one defined name and one formula rule that paints the
// cell red when it is not 0. Built by bench/univer-bare/build.ts into a temporary folder; nothing of ours runs,
// unless the address asks for `?prompt`: then a value change starts the calculation at once, as our page does
// (src/hosts/web/prompt-calculation.ts), instead of after Univer's 100 ms batching timer — the engine's own floor
// for Enter → red.
import { createUniver, LocaleType, mergeLocales } from '@univerjs/presets';
import { UniverSheetsCorePreset } from '@univerjs/preset-sheets-core';
import { UniverSheetsConditionalFormattingPreset } from '@univerjs/preset-sheets-conditional-formatting';
import zhCNCore from '@univerjs/preset-sheets-core/locales/zh-CN';
import zhCNCF from '@univerjs/preset-sheets-conditional-formatting/locales/zh-CN';
import '@univerjs/preset-sheets-core/lib/index.css';
import '@univerjs/preset-sheets-conditional-formatting/lib/index.css';
import { promptCalculation } from '../../src/hosts/web/prompt-calculation';

const RENDERED = 2;
const bare = document.getElementById('bare')!;
const { univer, univerAPI } = createUniver({
  locale: LocaleType.ZH_CN,
  locales: { [LocaleType.ZH_CN]: mergeLocales(zhCNCore, zhCNCF) },
  presets: [UniverSheetsCorePreset({ container: bare.id }), UniverSheetsConditionalFormattingPreset()],
});
const workbook = univerAPI.createWorkbook({ name: 'bare' });
const sheet = workbook.getActiveSheet();
workbook.insertDefinedName('bare_cell', `'${sheet.getSheetName()}'!$C$3`);
const rule = sheet
  .newConditionalFormattingRule()
  .whenFormulaSatisfied('=bare_cell<>0')
  .setRanges([sheet.getRange('C3').getRange()])
  .setBackground('#FFC7CE')
  .build();
sheet.addConditionalFormattingRule(rule);
(window as unknown as { univerAPI: unknown }).univerAPI = univerAPI;
if (new URLSearchParams(location.search).has('prompt')) {
  const calculateNow = promptCalculation(univer.__getInjector());
  univerAPI.addEvent(univerAPI.Event.SheetValueChanged, () => calculateNow());
}

const timings: { sheetReady: number | null } = { sheetReady: null };
(window as unknown as { __bare: unknown }).__bare = { timings };
const sub = univerAPI.addEvent(univerAPI.Event.LifeCycleChanged, ({ stage }) => {
  if (stage >= RENDERED && timings.sheetReady === null) {
    timings.sheetReady = performance.now();
    sub.dispose();
  }
});
