// The composition root of the embedded default (`npm start`): the shared task pane beside an in-browser
// spreadsheet (src/hosts/web). The pane renders at once against a deferred host; the sheet library arrives by
// dynamic import and the report is built in it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { COLUMN_WIDTH_CHARS, SHEET_LAYOUT, TEMPLATE_SHEET_NAME } from '../../report';
import { TaskPane } from '../../taskpane/TaskPane';
import { DeferredHost } from '../../hosts/web/deferred-host';
import { firstFocusable, installFocusCycle } from '../../hosts/web/focus-regions';
import { PaneFrame } from '../../hosts/web/pane-frame';
import type { ReportSession } from '../../hosts/web/report-session';
import { loadWork } from '../../hosts/web/saved-work';
import { columnPixels } from '../../hosts/web/univer-cells';
import type { UniverHost } from '../../hosts/web/univer-host';
import { WebToolbar, type ToolbarStatus } from '../../hosts/web/web-toolbar';

/** Milliseconds since navigation start, for the bench and the tests. */
export interface PageTimings {
  paneRendered: number | null;
  sheetReady: number | null;
}

/** What the end-to-end tests and the bench read (the sheet draws to a canvas, so they assert through this). */
export interface NianbaoPageHook {
  readonly host: DeferredHost;
  readonly timings: PageTimings;
  readonly ready: Promise<void>;
  sheet: UniverHost | null;
  session: ReportSession | null;
  /** Why the sheet could not be started, if it could not. */
  failure: string | null;
}

declare global {
  interface Window {
    univerAPI?: unknown;
    __nianbao?: NianbaoPageHook;
  }
}

const deferred = new DeferredHost();
const timings: PageTimings = { paneRendered: null, sheetReady: null };
let markReady!: () => void;
const hook: NianbaoPageHook = {
  host: deferred,
  timings,
  ready: new Promise<void>((resolve) => (markReady = resolve)),
  sheet: null,
  session: null,
  failure: null,
};
window.__nianbao = hook;

/**
 * The work in progress, read from IndexedDB as the page starts: ready long before the sheet library is, so it goes
 * into the workbook the sheet starts with (one first paint and calculation with it, not a second round of both
 * after), and its reply is not left queued behind the sheet's first redraws (issue #15).
 */
const savedWork = loadWork();

let sheetModules: ReturnType<typeof requestSheetModules> | null = null;

/**
 * The sheet library and the session, requested once: right after the pane is handed to React (below), so the
 * 6 MB sheet chunk loads and compiles while the pane renders instead of after the pane's first paint (~0.4 s of a
 * warm visit went by before it was even asked for; issue #15), and still after the pane's render is queued, so
 * the pane paints first.
 */
function requestSheetModules() {
  return Promise.all([
    import(/* webpackChunkName: "sheet" */ '../../hosts/web/start-sheet'),
    import(/* webpackChunkName: "session" */ '../../hosts/web/report-session'),
    import(/* webpackChunkName: "session" */ '../../hosts/web/report-plan'),
  ]);
}

function sheetModulesRequested(): ReturnType<typeof requestSheetModules> {
  return (sheetModules ??= requestSheetModules());
}

async function loadSheet(container: HTMLElement): Promise<ReportSession> {
  const [{ startSheet }, { ReportSession, restorableValues }, { reportPlan }] = await sheetModulesRequested();
  const saved = await savedWork;
  const { univerAPI, host, restored } = await startSheet(
    container,
    TEMPLATE_SHEET_NAME,
    reportPlan(),
    restorableValues(saved),
  );
  window.univerAPI = univerAPI;
  hook.sheet = host;
  const session = new ReportSession(host, () => deferred.changed());
  await session.build(saved, restored);
  hook.session = session;
  deferred.attach(host);
  return session;
}

function download(name: string, bytes: ArrayBuffer): void {
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Pixels the sheet needs to show the whole of 表三 (every column of the report sheet, 总计 included): the columns as
 * the page draws them, Univer's row header (46 px) and its vertical scroll bar with a little room.
 */
const SHEET_NEEDS_PX = SHEET_LAYOUT.columnCount * columnPixels(COLUMN_WIDTH_CHARS) + 46 + 24;

/**
 * Univer's cell editor: the (invisible) contenteditable that holds the keyboard focus while the sheet has it. It
 * is mounted outside the sheet's box, so the sheet region is "the box or this editor".
 */
const SHEET_EDITOR = '[data-u-comp="editor"][id$="DOCS_NORMAL"]';

function sheetHolds(box: HTMLElement | null, el: Element): boolean {
  return !!box?.contains(el) || !!el.closest(SHEET_EDITOR);
}

function focusSheet(): void {
  document.querySelector<HTMLElement>(SHEET_EDITOR)?.focus();
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Notes when the pane has first been painted. */
function FirstPaint({ children }: { children: ReactNode }) {
  useEffect(() => {
    requestAnimationFrame(() => {
      if (timings.paneRendered === null) timings.paneRendered = performance.now();
    });
  }, []);
  return <>{children}</>;
}

function WebPage() {
  const sheetBox = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  const [session, setSession] = useState<ReportSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ToolbarStatus | null>(null);
  const toolbarBox = useRef<HTMLDivElement>(null);
  const paneBox = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      installFocusCycle([
        { holds: (el) => sheetHolds(sheetBox.current, el), focus: focusSheet },
        {
          holds: (el) => !!toolbarBox.current?.contains(el),
          focus: () => firstFocusable(toolbarBox.current)?.focus(),
        },
        {
          holds: (el) => !!paneBox.current?.contains(el),
          focus: () => firstFocusable(paneBox.current, '[role="tab"][aria-selected="true"]')?.focus(),
        },
      ]),
    [],
  );

  useEffect(() => {
    if (started.current || !sheetBox.current) return;
    started.current = true;
    loadSheet(sheetBox.current).then(
      (s) => {
        timings.sheetReady = performance.now();
        setSession(s);
        markReady();
      },
      (e) => {
        hook.failure = errorText(e);
        deferred.fail(e);
        setStatus({ tone: 'error', text: `表格加载失败：${errorText(e)}。请刷新页面重试` });
      },
    );
  }, []);

  const open = useCallback(
    async (file: File) => {
      if (!session) return;
      setBusy(true);
      try {
        const outcome = await session.open(file.name, await file.arrayBuffer());
        setStatus({ tone: outcome.ok ? 'success' : 'error', text: outcome.message });
      } catch (e) {
        setStatus({ tone: 'error', text: `打开「${file.name}」失败：${errorText(e)}` });
      } finally {
        setBusy(false);
      }
    },
    [session],
  );

  const hasUnsavedWork = useCallback(async () => (session ? session.hasUnsavedWork() : false), [session]);

  const save = useCallback(async () => {
    if (!session) return;
    setBusy(true);
    try {
      const { name, bytes } = await session.save();
      download(name, bytes);
      setStatus({ tone: 'success', text: `已保存为「${name}」，可在 Excel 或 WPS 中继续填写` });
    } catch (e) {
      setStatus({ tone: 'error', text: `保存失败：${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  }, [session]);

  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <div ref={toolbarBox}>
          <WebToolbar
            ready={session !== null}
            busy={busy}
            status={status}
            onOpen={open}
            onSave={save}
            hasUnsavedWork={hasUnsavedWork}
          />
        </div>
        <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <div ref={sheetBox} id="nb-sheet" style={{ flex: 1, minWidth: 0, position: 'relative' }} />
          <div ref={paneBox} style={{ display: 'contents' }}>
            <PaneFrame sheetNeeds={SHEET_NEEDS_PX}>
              <FirstPaint>
                <TaskPane host={deferred} />
              </FirstPaint>
            </PaneFrame>
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById('nb-app')!).render(
  <StrictMode>
    <WebPage />
  </StrictMode>,
);
// A failure is reported where loadSheet awaits the same promise (the toolbar's 表格加载失败).
setTimeout(() => void sheetModulesRequested().catch(() => undefined), 0);
