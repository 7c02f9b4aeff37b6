// The web page's own bar above the sheet: 打开 and 保存 an .xlsx and a line of status. Host-specific, so it lives
// here and not in the shared pane.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';

export interface ToolbarStatus {
  readonly tone: 'info' | 'success' | 'error';
  readonly text: string;
}

export interface WebToolbarProps {
  /** False until the sheet has loaded; the file buttons wait for it. */
  readonly ready: boolean;
  readonly busy: boolean;
  readonly status: ToolbarStatus | null;
  readonly onOpen: (file: File) => void;
  readonly onSave: () => void;
}

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '36px',
  },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalM },
  status: { marginLeft: tokens.spacingHorizontalM, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

export function WebToolbar({ ready, busy, status, onOpen, onSave }: WebToolbarProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) onOpen(file);
  };
  return (
    <div className={styles.bar} role="toolbar" aria-label="文件">
      <Text className={styles.title}>年报助手</Text>
      <Button size="small" disabled={!ready || busy} onClick={() => fileInput.current?.click()}>
        打开
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="open-file"
        onChange={picked}
      />
      <Button size="small" appearance="primary" disabled={!ready || busy} onClick={onSave}>
        保存
      </Button>
      {!ready && <Spinner size="tiny" label="表格加载中…" />}
      {status && (
        <Text className={`${styles.status} ${styles[status.tone]}`} role="status">
          {status.text}
        </Text>
      )}
    </div>
  );
}
