// A tab whose section loads on first use: its code (and the libraries only it needs) stays out of the pane's first
// download, which every host pays for at start-up.
import { Suspense, lazy, type ComponentType } from 'react';
import { STRINGS } from './strings.zh-CN';

export function lazySection(load: () => Promise<ComponentType>): ComponentType {
  const Section = lazy(() => load().then((Component) => ({ default: Component })));
  return function LazySection() {
    return (
      <Suspense fallback={<p role="status">{STRINGS.sectionLoading}</p>}>
        <Section />
      </Suspense>
    );
  };
}
