// The 叙述 tab as PANE_SECTIONS lists it: the section itself (with Handlebars and the narrative code) loads on
// first use, so the pane's first download stays as it was.
import { Suspense, lazy } from 'react';
import { STRINGS } from '../strings.zh-CN';

const NarrativeSection = lazy(() => import(/* webpackChunkName: "narrative" */ './NarrativeSection'));

export function NarrativeTab() {
  return (
    <Suspense fallback={<p role="status">{STRINGS.narrative.sectionLoading}</p>}>
      <NarrativeSection />
    </Suspense>
  );
}
