// The task pane's frame on the web page: a splitter to its left that resizes it by drag or by keyboard (←/→ by
// 16 px, Home/End to the limits) and remembers the width (localStorage), and a strip it collapses to. When the
// window is too narrow for the sheet to show the whole of 表三 beside the pane (a 1024-px screen), the pane starts
// as the strip; 展开任务窗格 brings it back.
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export const PANE_WIDTH = { initial: 400, min: 280, max: 720, step: 16 } as const;
export const STRIP_PX = 36;
const WIDTH_KEY = 'nianbao.paneWidth';

const useStyles = makeStyles({
  splitter: {
    width: '6px',
    flex: 'none',
    cursor: 'col-resize',
    backgroundColor: tokens.colorNeutralStroke2,
    ':hover': { backgroundColor: tokens.colorBrandStroke1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, backgroundColor: tokens.colorBrandStroke1 },
  },
  aside: { flex: 'none', overflow: 'auto', display: 'flex', flexDirection: 'column' },
  collapse: { alignSelf: 'flex-end', margin: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} 0` },
  strip: {
    width: `${STRIP_PX}px`,
    flex: 'none',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    justifyContent: 'center',
    paddingTop: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stripButton: { writingMode: 'vertical-rl', height: 'auto', minWidth: 0, padding: `${tokens.spacingVerticalS} 0` },
});

function storedWidth(): number {
  try {
    const n = Number(localStorage.getItem(WIDTH_KEY));
    if (Number.isFinite(n) && n > 0) return clampWidth(n);
  } catch {
    // Storage refused (a private window): the default width.
  }
  return PANE_WIDTH.initial;
}

export function clampWidth(w: number): number {
  return Math.round(Math.min(PANE_WIDTH.max, Math.max(PANE_WIDTH.min, w)));
}

export interface PaneFrameProps {
  /** Pixels the sheet needs beside the pane to show the whole of 表三. */
  readonly sheetNeeds: number;
  readonly children: ReactNode;
}

export function PaneFrame({ sheetNeeds, children }: PaneFrameProps) {
  const styles = useStyles();
  const [width, setWidth] = useState(storedWidth);
  const [collapsed, setCollapsed] = useState(() => window.innerWidth - storedWidth() < sheetNeeds);
  const dragging = useRef<{ startX: number; startWidth: number } | null>(null);
  const expandButton = useRef<HTMLButtonElement>(null);
  const splitter = useRef<HTMLDivElement>(null);

  useEffect(() => {
    try {
      localStorage.setItem(WIDTH_KEY, String(width));
    } catch {
      // Not remembered: nothing else is lost.
    }
  }, [width]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = { startX: e.clientX, startWidth: width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = dragging.current;
    if (d) setWidth(clampWidth(d.startWidth + d.startX - e.clientX));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowLeft: width + PANE_WIDTH.step,
      ArrowRight: width - PANE_WIDTH.step,
      Home: PANE_WIDTH.max,
      End: PANE_WIDTH.min,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    setWidth(clampWidth(next[e.key]));
  };
  const collapse = useCallback(() => {
    setCollapsed(true);
    requestAnimationFrame(() => expandButton.current?.focus());
  }, []);
  const expand = useCallback(() => {
    setCollapsed(false);
    requestAnimationFrame(() => splitter.current?.focus());
  }, []);

  // The pane stays mounted while collapsed (its sections keep their state); only hidden.
  return (
    <>
      {collapsed ? (
        <aside aria-label="年报助手任务窗格（已收起）" className={styles.strip} data-pane-strip="">
          <Tooltip content="展开任务窗格（校验、模板、叙述、导出）" relationship="description">
            <Button ref={expandButton} appearance="subtle" className={styles.stripButton} onClick={expand}>
              展开任务窗格
            </Button>
          </Tooltip>
        </aside>
      ) : (
        <div
          ref={splitter}
          role="separator"
          aria-orientation="vertical"
          aria-label="任务窗格宽度（← → 调整）"
          aria-valuemin={PANE_WIDTH.min}
          aria-valuemax={PANE_WIDTH.max}
          aria-valuenow={width}
          tabIndex={0}
          className={styles.splitter}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
      <aside aria-label="年报助手任务窗格" className={styles.aside} style={collapsed ? { display: 'none' } : { width }}>
        <Button size="small" appearance="subtle" className={styles.collapse} onClick={collapse}>
          收起窗格
        </Button>
        {children}
      </aside>
    </>
  );
}
