// The pane's section tab bar, drawn like Fluent's medium transparent TabList but without it: Fluent's TabList brings
// @fluentui/react-tabs and tabster's arrow-key navigation (about 20 KB gzip together), more than a sixth of the
// pane's first download. Keyboard behaviour follows the WAI-ARIA tabs pattern with manual activation, as Fluent's
// does (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop (the selected tab), ←/→ move focus round the
// row, Home/End to the ends, Enter or Space selects.
import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

export interface SectionTab {
  readonly id: string;
  readonly label: string;
}

export interface SectionTabsProps {
  readonly tabs: readonly SectionTab[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly label: string;
}

/** A line along the bottom of a tab (Fluent's medium horizontal indicator). */
const UNDERLINE = {
  content: '""',
  position: 'absolute',
  bottom: 0,
  height: tokens.strokeWidthThicker,
  left: tokens.spacingHorizontalM,
  right: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusCircular,
} as const;

const useStyles = makeStyles({
  // Six tabs do not fit in one row at 320 px: they wrap instead of scrolling the pane sideways.
  list: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'stretch', position: 'relative' },
  tab: {
    alignItems: 'center',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    display: 'grid',
    flexShrink: 0,
    justifyContent: 'center',
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: 'none',
    position: 'relative',
    overflow: 'hidden',
    textTransform: 'none',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The hover line under a tab that is not selected, and the brand line under the selected one.
    '::before': UNDERLINE,
    ':hover::before': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active::before': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    '::after': { ...UNDERLINE, backgroundColor: tokens.colorTransparentStroke },
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: 'transparent',
      outlineStyle: 'solid',
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    ':hover::before': { backgroundColor: tokens.colorTransparentStroke },
    ':active::before': { backgroundColor: tokens.colorTransparentStroke },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::after': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'ButtonText' } },
  },
  // The label and, in the same grid cell, a hidden bold copy: the tab is as wide selected as not.
  text: {
    ...typographyStyles.body1,
    gridColumnStart: 1,
    gridRowStart: 1,
    overflow: 'hidden',
    padding: `${tokens.spacingVerticalNone} ${tokens.spacingHorizontalXXS}`,
  },
  strong: { ...typographyStyles.body1Strong },
  reserve: { visibility: 'hidden' },
});

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export function SectionTabs({ tabs, selected, onSelect, label }: SectionTabsProps) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]');
    buttons?.[move(index, tabs.length)]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={label} aria-orientation="horizontal" className={styles.list}>
      {tabs.map((t, i) => {
        const isSelected = t.id === selected;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-controls={`panel-${t.id}`}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className={mergeClasses(styles.text, isSelected && styles.strong)}>{t.label}</span>
            <span className={mergeClasses(styles.text, styles.strong, styles.reserve)} aria-hidden="true">
              {t.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
