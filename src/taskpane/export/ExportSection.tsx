// 导出: the whole report as a Word document or a web page, built in the pane and handed to the user.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useSyncExternalStore } from 'react';
import { EmptyState } from '../EmptyState';
import { useHost, usePaneNavigation, usePaneState, useReportController } from '../host-context';
import { STRINGS } from '../strings.zh-CN';
import { exportControllerFor } from './export-controller';

const S = STRINGS.export;

const useStyles = makeStyles({
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  line: { margin: 0, wordBreak: 'break-word' },
});

export default function ExportSection() {
  const styles = useStyles();
  const host = useHost();
  const pane = useReportController();
  const navigation = usePaneNavigation();
  const { template } = usePaneState();
  const controller = useMemo(() => exportControllerFor(pane, host), [pane, host]);
  const { working, message } = useSyncExternalStore(controller.subscribe, controller.getState);

  if (template.kind === 'unknown')
    return (
      <p className={styles.hint} role="status">
        {STRINGS.narrative.loading}
      </p>
    );
  if (template.kind === 'absent')
    return (
      <EmptyState title={S.noTemplate} hint={S.noTemplateHint}>
        <Button onClick={() => navigation.show('template')}>{STRINGS.narrative.toTemplate}</Button>
      </EmptyState>
    );
  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading" className={styles.heading}>
        {S.heading}
      </h3>
      <p className={styles.hint}>{S.hint}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={working !== null} onClick={() => void controller.export('docx')}>
          {working === 'docx' ? S.working : S.docx}
        </Button>
        <Button disabled={working !== null} onClick={() => void controller.export('html')}>
          {working === 'html' ? S.working : S.html}
        </Button>
      </div>
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.tone} layout="multiline">
            <MessageBarBody>
              {message.lines.map((l, i) => (
                <p key={i} className={styles.line}>
                  {l}
                </p>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
