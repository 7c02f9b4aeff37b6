// The 导出 tab as PANE_SECTIONS lists it: the section (with the docx library, the largest part) loads on first use.
import { Suspense, lazy } from 'react';
import { STRINGS } from '../strings.zh-CN';

const ExportSection = lazy(() => import(/* webpackChunkName: "export" */ './ExportSection'));

export function ExportTab() {
  return (
    <Suspense fallback={<p role="status">{STRINGS.narrative.sectionLoading}</p>}>
      <ExportSection />
    </Suspense>
  );
}
