// The pane's sections, in tab order. The extension point: a later panel (叙述, 导入) is a component that uses
// useHost()/useReportController() and one entry here; TaskPane needs no change.
import type { ComponentType } from 'react';
import { CheckSection } from './CheckSection';
import { ExportTab } from './export/ExportTab';
import { ImportSection } from './import/ImportSection';
import { NarrativeTab } from './narrative/NarrativeTab';
import { PreviousSection } from './previous/PreviousSection';
import { TemplateSection } from './TemplateSection';
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
  { id: 'template', label: STRINGS.sections.template, Component: TemplateSection },
  { id: 'import', label: STRINGS.sections.import, Component: ImportSection },
  { id: 'previous', label: STRINGS.sections.previous, Component: PreviousSection },
  { id: 'narrative', label: STRINGS.sections.narrative, Component: NarrativeTab },
  { id: 'export', label: STRINGS.sections.export, Component: ExportTab },
];
