// A section store's state in a component, re-rendered on every change.
import { useSyncExternalStore } from 'react';
import type { SectionStore } from './section-store';

export function useSectionState<S>(store: SectionStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.getState);
}
