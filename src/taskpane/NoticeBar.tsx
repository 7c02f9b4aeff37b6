// The controller's last word to the user (a summary, a success, a refusal, a host error), with its follow-up.
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { usePaneState, useReportController } from './host-context';
import { STRINGS } from './strings.zh-CN';

const useStyles = makeStyles({ body: { whiteSpace: 'pre-line', wordBreak: 'break-word' } });

export function NoticeBar() {
  const styles = useStyles();
  const controller = useReportController();
  const { notice, working } = usePaneState();
  if (!notice) return null;
  const action =
    notice.action === 'goToTemplate' ? (
      <Button size="small" onClick={() => void controller.goToTemplate()}>
        {STRINGS.template.goTo}
      </Button>
    ) : notice.action === 'repair' ? (
      <Button size="small" disabled={working !== null} onClick={() => void controller.repair()}>
        {STRINGS.template.repair}
      </Button>
    ) : null;
  return (
    <MessageBar intent={notice.tone} layout="multiline">
      <MessageBarBody className={styles.body}>{notice.text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label={STRINGS.dismissLabel}
            onClick={() => controller.dismissNotice()}
          >
            {STRINGS.dismiss}
          </Button>
        }
      >
        {action}
      </MessageBarActions>
    </MessageBar>
  );
}
