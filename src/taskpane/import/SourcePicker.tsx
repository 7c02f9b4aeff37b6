// Where a published report comes from: text pasted into a box (then 读取), or a file chosen with the browser's
// own file dialog (read at once). Shared by 导入 and 上年数据.
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';
import { STRINGS } from '../strings.zh-CN';

const S = STRINGS.source;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  box: { minHeight: '96px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface SourcePickerProps {
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  readonly onRead: () => void;
  readonly onFile: (file: File) => void;
  readonly busy: boolean;
  /** The accessible name of the file input. */
  readonly fileLabel: string;
  /** Which files are accepted, in words. */
  readonly fileTypes: string;
  /** The file dialog's filter, e.g. ".txt,.html,.htm". */
  readonly accept: string;
}

export function SourcePicker({
  draft,
  onDraft,
  onRead,
  onFile,
  busy,
  fileLabel,
  fileTypes,
  accept,
}: SourcePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) reads it again.
    e.target.value = '';
    if (file) onFile(file);
  };
  return (
    <div className={styles.root}>
      <Field label={S.pasteLabel}>
        <Textarea
          className={styles.box}
          value={draft}
          placeholder={S.pastePlaceholder}
          resize="vertical"
          onChange={(_, d) => onDraft(d.value)}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={onRead}>
          {busy ? S.reading : S.read}
        </Button>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {S.choose}
        </Button>
        <input ref={input} type="file" hidden accept={accept} aria-label={fileLabel} onChange={chosen} />
      </div>
      <p className={styles.hint}>{fileTypes}</p>
    </div>
  );
}
