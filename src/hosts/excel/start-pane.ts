// What the Excel pane does once office.js is ready: refuse politely on hosts that cannot run it (the message
// lives in taskpane.html, shown by host-check.es5.js), otherwise build the host and mount the shared pane.
import { ExcelHost } from './excel-host';
import type { SpreadsheetHost } from '../spreadsheet-host';

export const MIN_EXCEL_API = '1.7';

interface HostCheck {
  reasonFor(ua: string, office: unknown, info: unknown): string;
  show(reason: string): void;
}

export interface StartDeps {
  readonly mount: (element: HTMLElement, host: SpreadsheetHost) => unknown;
  readonly createHost?: () => Promise<SpreadsheetHost>;
}

/** 'mounted', or why the pane did not start. */
export async function startExcelPane(deps: StartDeps): Promise<string> {
  const info = await Office.onReady();
  const check = (window as unknown as { __nianbaoHostCheck?: HostCheck }).__nianbaoHostCheck;
  const reason =
    check?.reasonFor(navigator.userAgent, Office, info) ??
    (info.host === Office.HostType.Excel && Office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API)
      ? ''
      : 'api');
  if (reason) {
    check?.show(reason);
    return reason;
  }
  const root = document.getElementById('root')!;
  try {
    const host = await (deps.createHost ?? (() => ExcelHost.create()))();
    deps.mount(root, host);
    return 'mounted';
  } catch (e) {
    root.textContent = `年报助手启动失败：${e instanceof Error ? e.message : String(e)}。请关闭任务窗格后重新打开。`;
    root.setAttribute('role', 'alert');
    return 'failed';
  }
}
