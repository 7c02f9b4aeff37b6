// 校验: the live findings, the 校验 button (a full re-read with a summary), progress (已填 n / 202 and 下一个空格:
// blanks are a to-do list, not warnings), and the empty states.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { EmptyState } from './EmptyState';
import { FindingList } from './FindingList';
import { usePaneNavigation, usePaneState, useReportController } from './host-context';
import { isDamaged } from './template-health';
import { STRINGS } from './strings.zh-CN';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  counts: { color: tokens.colorNeutralForeground2 },
  damaged: { marginTop: tokens.spacingVerticalS },
  progress: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
});

export function CheckSection() {
  const styles = useStyles();
  const controller = useReportController();
  const navigation = usePaneNavigation();
  const { template, groups, dismissed, counts, working, progress } = usePaneState();
  const checking = working === 'checking';

  let body;
  if (template.kind === 'unknown')
    body = (
      <p className={styles.counts} role="status">
        {STRINGS.check.running}
      </p>
    );
  else if (template.kind === 'absent')
    body = (
      <EmptyState title={STRINGS.check.noTemplate} hint={STRINGS.check.noTemplateHint}>
        <Button onClick={() => navigation.show('template')}>{STRINGS.check.toTemplate}</Button>
      </EmptyState>
    );
  else if (groups.length === 0 && dismissed.length === 0)
    body = <EmptyState title={STRINGS.check.allPassed} hint={STRINGS.check.allPassedHint} />;
  else body = <FindingList groups={groups} />;

  return (
    <>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={working !== null} onClick={() => void controller.validate()}>
          {checking ? STRINGS.check.running : STRINGS.check.button}
        </Button>
        {template.kind === 'found' && (
          <span className={styles.counts}>
            {counts.error + counts.warning === 0
              ? STRINGS.check.passed
              : STRINGS.check.groupCount(counts.error, counts.warning)}
          </span>
        )}
      </div>
      {template.kind === 'found' && progress && (
        <div className={styles.progress}>
          <span role="status" aria-live="polite">
            {STRINGS.check.progress(progress.filled, progress.total)}
          </span>
          {progress.blanks.length > 0 && (
            <Button size="small" title={STRINGS.check.nextBlankHint} onClick={() => void controller.nextBlank()}>
              {STRINGS.check.nextBlank}
            </Button>
          )}
          {progress.incomplete > 0 && (
            <span className={styles.counts}>{STRINGS.check.incomplete(progress.incomplete)}</span>
          )}
        </div>
      )}
      {isDamaged(template) && (
        <MessageBar className={styles.damaged} intent="warning" layout="multiline">
          <MessageBarBody>{STRINGS.check.damagedHint}</MessageBarBody>
        </MessageBar>
      )}
      {body}
    </>
  );
}
