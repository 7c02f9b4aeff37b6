// The shared task pane: Excel, WPS and the in-browser sheet each mount it with their own SpreadsheetHost.
// It knows nothing else about where it runs.
import { FluentProvider, makeStyles, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { SpreadsheetHost } from '../hosts/spreadsheet-host';
import { ControllerContext, HostContext, NavigationContext, type PaneNavigation } from './host-context';
import { NoticeBar } from './NoticeBar';
import { ReportController } from './report-controller';
import { SectionTabs } from './SectionTabs';
import { PANE_SECTIONS, type PaneSection } from './sections';
import { STRINGS } from './strings.zh-CN';

export interface TaskPaneProps {
  readonly host: SpreadsheetHost;
  /** The tabs, in order; defaults to PANE_SECTIONS. */
  readonly sections?: readonly PaneSection[];
}

/** Fluent's light theme with the CJK system fonts each platform has (nothing is downloaded). */
const THEME: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
};

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: '280px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: { minWidth: 0 },
});

export function TaskPane({ host, sections = PANE_SECTIONS }: TaskPaneProps) {
  const styles = useStyles();
  const controller = useMemo(() => new ReportController(host), [host]);
  useEffect(() => {
    void controller.start();
    return () => controller.dispose();
  }, [controller]);

  const [current, setCurrent] = useState(sections[0]?.id ?? '');
  const navigation = useMemo<PaneNavigation>(() => ({ show: setCurrent }), []);
  const section = sections.find((s) => s.id === current) ?? sections[0];

  return (
    <FluentProvider theme={THEME} lang="zh-CN" className={styles.root}>
      <HostContext.Provider value={host}>
        <ControllerContext.Provider value={controller}>
          <NavigationContext.Provider value={navigation}>
            <h2 className={styles.title}>{STRINGS.paneTitle}</h2>
            <SectionTabs tabs={sections} selected={section?.id} onSelect={setCurrent} label={STRINGS.sectionsLabel} />
            <div aria-live="polite">
              <NoticeBar />
            </div>
            {section && (
              <div
                key={section.id}
                id={`panel-${section.id}`}
                role="tabpanel"
                aria-labelledby={`tab-${section.id}`}
                className={styles.panel}
              >
                <section.Component />
              </div>
            )}
          </NavigationContext.Provider>
        </ControllerContext.Provider>
      </HostContext.Provider>
    </FluentProvider>
  );
}
