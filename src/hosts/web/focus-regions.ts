// F6 moves the keyboard focus between the page's regions as in Office and the browsers: the sheet, the toolbar
// (打开 / 保存) and the task pane; Shift+F6 goes back; Ctrl+F6 (and Ctrl+Shift+F6) do the same. Listened for in
// the capture phase so the sheet's own key handling cannot swallow it.

export interface FocusRegion {
  /** Whether the focused element belongs to the region. */
  readonly holds: (focused: Element) => boolean;
  /** Puts the focus into the region (the sheet's cell editor, the first enabled button, the selected tab). */
  readonly focus: () => void;
}

/** The first element inside `root` that takes the keyboard focus and is not disabled or hidden. */
export function firstFocusable(root: HTMLElement | null, prefer?: string): HTMLElement | null {
  if (!root) return null;
  const selector = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const usable = (el: HTMLElement) =>
    !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true' && el.offsetParent !== null;
  const preferred = prefer ? [...root.querySelectorAll<HTMLElement>(prefer)].find(usable) : undefined;
  return preferred ?? [...root.querySelectorAll<HTMLElement>(selector)].find(usable) ?? null;
}

/** Index of the region holding the focus, or -1. */
function currentRegion(regions: readonly FocusRegion[]): number {
  const active = document.activeElement;
  return active ? regions.findIndex((r) => r.holds(active)) : -1;
}

/** Installs the F6 cycle; returns the uninstall. */
export function installFocusCycle(regions: readonly FocusRegion[]): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'F6' || e.altKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    const step = e.shiftKey ? -1 : 1;
    const from = currentRegion(regions);
    const next = from < 0 ? (step > 0 ? 0 : regions.length - 1) : (from + step + regions.length) % regions.length;
    regions[next].focus();
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}
