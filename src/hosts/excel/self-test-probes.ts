// 自检 probes over Office.js: what Excel itself reports (version, ExcelApi sets, rules on a cell, protection,
// visibility) and whether Worksheet.onChanged arrives for a write. A write from code stands in for the user's
// typing or pasting, which no add-in can cause: it shows the event machinery works, not that Excel sends it for
// every user gesture (data-validation picks are known to be missed, office-js #3888).
import type { HostDescription, ProbeResult, SelfTestProbes } from '../self-test/run-self-test';
import { waitFor } from '../self-test/wait-for';

/** The ExcelApi versions the product asks about (queue-edits.ts, excel-host.ts gate on these). */
const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);
const EVENT_WAIT_MS = 3_000;

export function excelSelfTestProbes(supports: (version: string) => boolean): SelfTestProbes {
  return {
    async describe(): Promise<HostDescription> {
      // Office.context.diagnostics (Office 2016+ requirement set Common); read defensively on older hosts.
      const diagnostics = Office.context.diagnostics as Office.ContextInformation | undefined;
      const platform = diagnostics?.platform ?? String(Office.context.platform ?? '');
      const highest = EXCEL_API_VERSIONS.filter((v) => supports(v)).pop();
      return {
        host: `Excel${platform ? `（${platform}）` : ''}`,
        version: diagnostics?.version ?? '（Office 未报告版本）',
        apiSets: highest ? [`ExcelApi 1.1–${highest}`] : ['ExcelApi（无）'],
      };
    },

    async activeSheet() {
      return Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet().load('name');
        await ctx.sync();
        return ws.name;
      });
    },

    async conditionalFormatsAt(sheet, cell) {
      return Excel.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem(sheet).getRange(cell).conditionalFormats.load('items/type');
        await ctx.sync();
        return cfs.items.length;
      });
    },

    async isProtected(sheet) {
      return Excel.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem(sheet).protection.load('protected');
        await ctx.sync();
        return p.protected;
      });
    },

    async isHidden(sheet) {
      return Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet).load('visibility');
        await ctx.sync();
        return ws.visibility !== 'Visible';
      });
    },

    async changeEvent(sheet, range, values): Promise<ProbeResult> {
      if (!supports('1.7'))
        return { outcome: 'not-probed', detail: '此版本没有 Worksheet.onChanged（ExcelApi 1.7），无法监听修改' };
      const seen: { address: string; source?: string; details: boolean }[] = [];
      const handler = await Excel.run(async (ctx) => {
        const h = ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
          seen.push({ address: e.address, source: e.triggerSource, details: e.details !== undefined });
        });
        await ctx.sync();
        return h;
      });
      try {
        await Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange(range).values = values.map((r) => [...r]);
          await ctx.sync();
        });
        const arrived = await waitFor(() => seen.length > 0, EVENT_WAIT_MS);
        if (!arrived)
          return { outcome: 'failed', detail: `写入 ${range} 后 ${EVENT_WAIT_MS / 1000} 秒内没有收到 onChanged` };
        const e = seen[0];
        return {
          outcome: 'ok',
          detail:
            `收到 ${seen.length} 次 onChanged，区域 ${e.address}` +
            (e.source ? `，来源 ${e.source}` : '，无 triggerSource（ExcelApi < 1.14）') +
            '；由代码写入模拟，真实键入/粘贴无法由加载项触发',
        };
      } finally {
        await Excel.run(handler.context, async (ctx) => {
          handler.remove();
          await ctx.sync();
        }).catch(() => undefined);
      }
    },

    async removeScratch(sheets, names, restore) {
      await Excel.run(async (ctx) => {
        for (const n of names) ctx.workbook.names.getItemOrNullObject(n).delete();
        await ctx.sync();
      }).catch(() => undefined);
      await Excel.run(async (ctx) => {
        if (restore && !sheets.includes(restore)) ctx.workbook.worksheets.getItem(restore).activate();
        for (const s of sheets) {
          const ws = ctx.workbook.worksheets.getItem(s);
          ws.protection.unprotect();
          ws.delete();
        }
        await ctx.sync();
      });
    },
  };
}
