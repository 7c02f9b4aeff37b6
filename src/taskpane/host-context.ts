// The pane's one way to reach the spreadsheet: the host arrives through context, set once by TaskPane.
// Sections added later (叙述, 导入) call useHost() and useReportController() and nothing host-specific.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SpreadsheetHost } from '../hosts/spreadsheet-host';
import type { PaneState, ReportController } from './report-controller';

export const HostContext = createContext<SpreadsheetHost | null>(null);
export const ControllerContext = createContext<ReportController | null>(null);

/** Lets a section bring another to the front (the empty 校验 page sends the user to 模板). */
export interface PaneNavigation {
  show(sectionId: string): void;
}
export const NavigationContext = createContext<PaneNavigation>({ show: () => undefined });

export function useHost(): SpreadsheetHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() outside <TaskPane>');
  return host;
}

export function useReportController(): ReportController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useReportController() outside <TaskPane>');
  return controller;
}

export function usePaneState(): PaneState {
  const controller = useReportController();
  return useSyncExternalStore(controller.subscribe, controller.getState);
}

export function usePaneNavigation(): PaneNavigation {
  return useContext(NavigationContext);
}
