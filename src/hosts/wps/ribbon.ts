// The 年报助手 tab's callbacks, run in the add-in's main page. WPS calls them synchronously and has broken ribbons
// whose callbacks were async (12.1.0.23542), so everything here finishes before returning: ET is synchronous, and the
// host's *Now methods do the work without awaiting.
import { planInsertion, TEMPLATE_MARKER_NAME } from '../../report';
import { XL, type EtApplication } from './et-api';
import { requestCheck, startEditRelay, type RelayOptions } from './edit-relay';
import { WpsHost } from './wps-host';

export const PANE_ID_KEY = 'nianbao.taskpaneId';
export const PANE_TITLE = '年报助手';
export const PANE_WIDTH = 360;

export interface RibbonControl {
  readonly Id: string;
}

export interface RibbonDeps {
  /** Absolute URL of the task pane page (a sibling of the main page). */
  readonly paneUrl: string;
  /** How an error reaches the user from a ribbon button (alert in WPS: a modal they must close). */
  readonly report: (message: string) => void;
  readonly relay?: RelayOptions;
}

export interface Ribbon {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
  /** Stops the edit relay (tests; WPS simply unloads the page). */
  stop(): void;
}

/** Shows the task pane, creating it docked right on first use; its id is kept in PluginStorage for every page. */
export function showTaskPane(app: EtApplication, url: string): void {
  const storage = app.PluginStorage;
  const id = Number(storage.getItem(PANE_ID_KEY) || NaN);
  let pane = Number.isFinite(id) ? app.GetTaskPane(id) : null;
  if (!pane) {
    pane = app.CreateTaskPane(url, PANE_TITLE);
    pane.DockPosition = XL.dockRight;
    pane.Width = PANE_WIDTH;
    storage.setItem(PANE_ID_KEY, String(pane.ID));
  }
  pane.Visible = true;
}

/**
 * 插入模板 from the ribbon, with the pane's plan (planInsertion in src/report): the template on a new
 * sheet plus the 补充信息 sheet unless one of ours survives, in one batch; if the workbook already has a template, its
 * sheet is brought to the front instead. Without an open workbook, a new one is created first.
 */
export function insertTemplateFromRibbon(app: EtApplication, relay: RelayOptions = {}): 'inserted' | 'exists' {
  if (!app.ActiveWorkbook) app.Workbooks.Add();
  const host = new WpsHost(app, { events: relay });
  const names = host.listNamesNow();
  if (names.some((n) => n.name === TEMPLATE_MARKER_NAME && n.ref)) {
    host.selectNamedCellsNow([TEMPLATE_MARKER_NAME]);
    return 'exists';
  }
  host.applyEditsNow(planInsertion({ sheets: host.sheetNamesNow(), names }).edits);
  host.selectNamedCellsNow([TEMPLATE_MARKER_NAME]);
  return 'inserted';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createRibbon(app: EtApplication, deps: RibbonDeps): Ribbon {
  let stopRelay: (() => void) | null = startEditRelay(app, deps.relay);
  const run = (what: string, fn: () => void): boolean => {
    try {
      fn();
    } catch (e) {
      deps.report(`年报助手：${what}没有完成。${message(e)}`);
    }
    return true;
  };
  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      switch (control.Id) {
        case 'nbShowPane':
          return run('打开任务窗格', () => showTaskPane(app, deps.paneUrl));
        case 'nbInsertTemplate':
          return run('插入模板', () => {
            insertTemplateFromRibbon(app, deps.relay);
            showTaskPane(app, deps.paneUrl);
            requestCheck(app, deps.relay);
          });
        case 'nbCheck':
          return run('校验', () => {
            showTaskPane(app, deps.paneUrl);
            requestCheck(app, deps.relay);
          });
        default:
          return true;
      }
    },
    GetImage: (control) => {
      const icons: Record<string, string> = {
        nbShowPane: 'images/pane.svg',
        nbInsertTemplate: 'images/template.svg',
        nbCheck: 'images/check.svg',
      };
      return icons[control.Id] ?? 'images/pane.svg';
    },
    stop: () => {
      stopRelay?.();
      stopRelay = null;
    },
  };
}
