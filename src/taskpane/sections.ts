// The pane's sections, in tab order. The extension point: a later panel (叙述, 导入) is a component that uses
// useHost()/useReportController() and one entry here; TaskPane needs no change.
import type { ComponentType } from 'react';
import { CheckSection } from './CheckSection';
import { lazySection } from './lazy-section';
import { STRINGS } from './strings.zh-CN';

export interface PaneSection {
  /** Stable id, also what usePaneNavigation().show() takes. */
  readonly id: string;
  /** The tab's label (from strings.zh-CN.ts). */
  readonly label: string;
  readonly Component: ComponentType;
}

export const PANE_SECTIONS: readonly PaneSection[] = [
  { id: 'check', label: STRINGS.sections.check, Component: CheckSection },
  // The other tabs load on first use (lazy-section.tsx): only 校验 is drawn when the pane opens.
  {
    id: 'template',
    label: STRINGS.sections.template,
    Component: lazySection(() =>
      import(/* webpackChunkName: "template-tab" */ './TemplateSection').then((m) => m.TemplateSection),
    ),
  },
  {
    id: 'import',
    label: STRINGS.sections.import,
    Component: lazySection(() =>
      import(/* webpackChunkName: "import-tab" */ './import/ImportSection').then((m) => m.ImportSection),
    ),
  },
  {
    id: 'previous',
    label: STRINGS.sections.previous,
    Component: lazySection(() =>
      import(/* webpackChunkName: "previous-tab" */ './previous/PreviousSection').then((m) => m.PreviousSection),
    ),
  },
  {
    id: 'narrative',
    label: STRINGS.sections.narrative,
    Component: lazySection(() =>
      import(/* webpackChunkName: "narrative" */ './narrative/NarrativeSection').then((m) => m.default),
    ),
  },
  {
    id: 'export',
    label: STRINGS.sections.export,
    Component: lazySection(() =>
      import(/* webpackChunkName: "export" */ './export/ExportSection').then((m) => m.default),
    ),
  },
  {
    id: 'rollup',
    label: STRINGS.sections.rollup,
    Component: lazySection(() =>
      import(/* webpackChunkName: "rollup-tab" */ './rollup/RollupSection').then((m) => m.RollupSection),
    ),
  },
];
