// What a host's boot file calls once its runtime is ready: mountTaskPane(document.getElementById('root')!, host).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SpreadsheetHost } from '../hosts/spreadsheet-host';
import type { PaneSection } from './sections';
import { TaskPane } from './TaskPane';

/** Renders the pane into `element`; returns the unmount function (also stops listening to the host). */
export function mountTaskPane(
  element: HTMLElement,
  host: SpreadsheetHost,
  options: { readonly sections?: readonly PaneSection[] } = {},
): () => void {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <TaskPane host={host} sections={options.sections} />
    </StrictMode>,
  );
  return () => root.unmount();
}
