// Starts the in-browser spreadsheet (Univer 0.25.1, zh-CN, offline) in a container element. Loaded through a
// dynamic import by boot.tsx, so the 6 MB sheet library never delays the task pane.
import { createUniver, IUndoRedoService, LocaleType, mergeLocales, type FUniver } from '@univerjs/presets';
import { SpreadsheetSkeleton, UniverSheetsCorePreset, type FWorkbook } from '@univerjs/preset-sheets-core';
import { UniverSheetsConditionalFormattingPreset } from '@univerjs/preset-sheets-conditional-formatting';
import { UniverSheetsDataValidationPreset } from '@univerjs/preset-sheets-data-validation';
import zhCNCore from '@univerjs/preset-sheets-core/locales/zh-CN';
import zhCNCF from '@univerjs/preset-sheets-conditional-formatting/locales/zh-CN';
import zhCNDV from '@univerjs/preset-sheets-data-validation/locales/zh-CN';
import '@univerjs/preset-sheets-core/lib/index.css';
import '@univerjs/preset-sheets-conditional-formatting/lib/index.css';
import '@univerjs/preset-sheets-data-validation/lib/index.css';
import { widenRules, type SheetEdit } from '../../report';
import { UniverHost } from './univer-host';
import { memoiseMergeBorders } from './merge-border-memo';
import { promptCalculation } from './prompt-calculation';
import { newUniverId } from './univer-cells';
import type { WritableValue } from '../workbook-values';
import { planSnapshot, putNamedValues, workbookData } from './workbook-snapshot';

export interface StartedSheet {
  readonly univerAPI: FUniver;
  readonly workbook: FWorkbook;
  readonly host: UniverHost;
  /** The names whose restored value the workbook started with (the rest of `restore` is the caller's to write). */
  readonly restored: ReadonlySet<string>;
}

/** Lifecycle stage at which the grid has been painted once (1 Ready, 2 Rendered, 3 Steady). */
const RENDERED = 2;

performance.mark('sheet:module');
// Each bordered merge's edges scanned once per style cache, not once per cell of the merge (merge-border-memo.ts).
memoiseMergeBorders(SpreadsheetSkeleton.prototype);

/**
 * Starts the sheet with the workbook `plan` builds: its sheets in one step from their snapshot (workbook-snapshot.ts),
 * no command per cell, style, merge, name or check; the highlight rules then through the commands, before the
 * grid is first drawn. `restore` (work in progress, by name) goes into the snapshot's cells where the plan defines
 * the name.
 */
export async function startSheet(
  container: HTMLElement,
  workbookName: string,
  plan: readonly SheetEdit[],
  restore: ReadonlyMap<string, WritableValue> = new Map(),
): Promise<StartedSheet> {
  if (!container.id) container.id = 'nb-sheet';
  const { univer, univerAPI } = createUniver({
    locale: LocaleType.ZH_CN,
    locales: { [LocaleType.ZH_CN]: mergeLocales(zhCNCore, zhCNCF, zhCNDV) },
    presets: [
      UniverSheetsCorePreset({ container: container.id }),
      UniverSheetsConditionalFormattingPreset(),
      UniverSheetsDataValidationPreset(),
    ],
  });
  performance.mark('sheet:created');
  // Fewer, wider rules and checks (widenRules): Univer looks each cell's up on every redraw (issue #15).
  const snapshot = planSnapshot(widenRules(plan), () => false, newUniverId);
  const restored = putNamedValues(snapshot, restore);
  // The highlight rules go through Univer's commands after all: loaded as snapshot resources (with the names) they
  // made every Enter → red about twice as slow (bench, same run: 1,020 vs 580 ms median), the formula engine then
  // recalculating more per edit. Cells, styles, merges, sizes, the names and the number checks come in the
  // snapshot: the names by command cost ~0.1 s of every start (paired runs, 12 warm visits each way round: ready
  // 1,735–1,837 against 1,834–1,994 ms) and by snapshot change nothing per edit (Enter → red 153 against 163 ms).
  const byCommand = snapshot.pluginEdits.filter((e) => e.op === 'conditionalFormat');
  const inSnapshot = { ...snapshot, pluginEdits: snapshot.pluginEdits.filter((e) => e.op !== 'conditionalFormat') };
  const workbook = univerAPI.createWorkbook(
    workbookData(inSnapshot, { id: newUniverId(), name: workbookName }, newUniverId),
  );
  performance.mark('sheet:workbook');
  const injector = univer.__getInjector();
  // Building the report is not the user's work: Ctrl+Z must not take the template apart rule by rule.
  const forgetHistory = () => injector.get(IUndoRedoService).clearUndoRedo(workbook.getId());
  const host = new UniverHost(univerAPI, workbook, forgetHistory);
  // Before the first render, not after it: the grid's first paint then already holds the rules, and the sheet is
  // ready one full redraw sooner (bench, same run, warm visits: 2,261–2,612 ms against 2,747–2,870 ms; the first
  // paint comes the commands' ~0.25 s later).
  await host.applyEdits([...byCommand, ...snapshot.rest]);
  // The rules' first calculation starts now, not after Univer's 100 ms batching timer (which the start-up's other
  // work delays further): their results then come with or just after the first paint, not after several redraws
  // (bench, same run, warm visits: first highlights 2,340 against 2,551 ms at load 3.5).
  const calculateNow = promptCalculation(injector);
  calculateNow();
  performance.mark('sheet:commands');
  await new Promise<void>((resolve) => {
    if (univerAPI.getCurrentLifecycleStage() >= RENDERED) return resolve();
    const sub = univerAPI.addEvent(univerAPI.Event.LifeCycleChanged, ({ stage }) => {
      if (stage >= RENDERED) {
        sub.dispose();
        resolve();
      }
    });
  });
  performance.mark('sheet:rendered');
  // A user's Enter recalculates (and so repaints the highlight) at once, not after Univer's 100 ms batching.
  host.onUserEdit(calculateNow);
  return { univerAPI, workbook, host, restored };
}
