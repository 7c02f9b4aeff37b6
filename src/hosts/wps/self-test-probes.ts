// 自检 probes over the ET object model: what WPS reports about itself, the rules on a cell, protection, visibility,
// and whether SheetChange arrives for a write. A write from code stands in for the user's typing or pasting, which
// no add-in can cause; whether WPS raises SheetChange for an add-in's own writes is itself unknown (docs/wps.md,
// 需要核对的事项 10), so silence is reported as "not probed" with what to try by hand, not as a failure.
import type { HostDescription, ProbeResult, SelfTestProbes } from '../self-test/run-self-test';
import { waitFor } from '../self-test/wait-for';
import { activeWorkbook, findSheet } from './apply-edits-et';
import type { EtApplication, EtListener, EtWorksheet } from './et-api';

const EVENT_WAIT_MS = 1_500;

/** Members the typings leave out; every read is guarded, as a build may lack them (strict doubles throw). */
function tryRead(read: () => unknown): string | null {
  try {
    const v = read();
    return v === undefined || v === null || v === '' ? null : String(v);
  } catch {
    return null;
  }
}

type Loose = Record<string, unknown> & {
  Delete(): void;
  Range(a: string): { Value2: unknown; FormatConditions: { Count: number } };
};

export function wpsSelfTestProbes(app: EtApplication): SelfTestProbes {
  const sheet = (name: string): EtWorksheet => {
    const ws = findSheet(activeWorkbook(app), name);
    if (!ws) throw new Error(`找不到工作表「${name}」`);
    return ws;
  };
  const loose = app as unknown as Record<string, unknown>;
  return {
    async describe(): Promise<HostDescription> {
      const name = tryRead(() => loose.Name) ?? 'WPS 表格';
      const version = [tryRead(() => loose.Version), tryRead(() => loose.Build)].filter(Boolean).join(' / ');
      const apis = ['ApiEvent', 'PluginStorage', 'CreateTaskPane'].filter(
        (k) => tryRead(() => typeof loose[k]) !== 'undefined',
      );
      return {
        host: name,
        version: version || '（WPS 未报告版本）',
        apiSets: [`WPS 加载项 JS API：${apis.join('、')}`],
      };
    },

    async activeSheet() {
      return tryRead(() => activeWorkbook(app).ActiveSheet.Name);
    },

    async conditionalFormatsAt(name, cell) {
      return Number(sheet(name).Range(cell).FormatConditions.Count);
    },

    async isProtected(name) {
      return Boolean(sheet(name).ProtectContents);
    },

    async isHidden(name) {
      return Number(sheet(name).Visible) !== -1;
    },

    async changeEvent(name, range, values): Promise<ProbeResult> {
      const seen: string[] = [];
      const listener: EtListener = (_sh, target) => {
        seen.push(tryRead(() => (target as { Address(): string }).Address()) ?? '?');
      };
      app.ApiEvent.AddApiEventListener('SheetChange', listener);
      try {
        const r = sheet(name).Range(range);
        r.Value2 = values.length === 1 && values[0].length === 1 ? values[0][0] : values.map((row) => [...row]);
        const arrived = await waitFor(() => seen.length > 0, EVENT_WAIT_MS);
        if (!arrived)
          return {
            outcome: 'not-probed',
            detail:
              `代码写入 ${range} 后 ${EVENT_WAIT_MS / 1000} 秒内没有 SheetChange（WPS 可能不为加载项自己的写入发事件）；` +
              '请在模板中手动输入一个数字，看任务窗格的问题列表是否随之刷新',
          };
        return {
          outcome: 'ok',
          detail: `收到 ${seen.length} 次 SheetChange，区域 ${seen[0]}；由代码写入模拟，真实键入/粘贴无法由加载项触发`,
        };
      } finally {
        app.ApiEvent.RemoveApiEventListener('SheetChange', listener);
      }
    },

    async removeScratch(sheets, names, restore) {
      const wb = activeWorkbook(app);
      for (const n of names)
        try {
          (wb.Names.Item(n) as unknown as Loose).Delete();
        } catch {
          // already gone
        }
      if (restore && !sheets.includes(restore)) findSheet(wb, restore)?.Activate();
      // Deleting a sheet asks the user to confirm unless alerts are off (DeepExcel does the same around Delete).
      const alerts = tryRead(() => loose.DisplayAlerts);
      if (alerts !== null) loose.DisplayAlerts = false;
      try {
        for (const s of sheets) {
          const ws = findSheet(wb, s);
          if (!ws) continue;
          if (ws.ProtectContents) ws.Unprotect();
          (ws as unknown as Loose).Delete();
        }
      } finally {
        if (alerts !== null) loose.DisplayAlerts = alerts === 'true';
      }
    },
  };
}
