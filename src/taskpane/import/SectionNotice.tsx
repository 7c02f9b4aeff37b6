// A section's own last word (a refusal, a result), announced to screen readers where it appears.
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { SectionMessage } from './section-store';

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalS },
  body: { whiteSpace: 'pre-line', wordBreak: 'break-word' },
});

export function SectionNotice({ message }: { message: SectionMessage | null }) {
  const styles = useStyles();
  return (
    <div aria-live="polite" className={styles.root}>
      {message && (
        <MessageBar intent={message.tone} layout="multiline">
          <MessageBarBody className={styles.body}>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
