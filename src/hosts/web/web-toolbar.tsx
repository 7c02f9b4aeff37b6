// The web page's own bar above the sheet: 打开 and 保存 an .xlsx and a line of status. Host-specific, so it lives
// here and not in the shared pane. 打开 over work not yet saved to a file asks first.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';

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
  readonly onSave: () => Promise<void> | void;
  /** Whether the sheet holds typing not yet saved to a file (打开 would replace it). */
  readonly hasUnsavedWork: () => Promise<boolean>;
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

export function WebToolbar({ ready, busy, status, onOpen, onSave, hasUnsavedWork }: WebToolbarProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [asking, setAsking] = useState<File | null>(null);
  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (await hasUnsavedWork()) setAsking(file);
    else onOpen(file);
  };
  const answer = async (choice: 'save' | 'replace' | 'cancel') => {
    const file = asking;
    setAsking(null);
    if (choice === 'cancel' || !file) return;
    // 先保存 saves the work as a file (a download), then opens the chosen one.
    if (choice === 'save') await onSave();
    onOpen(file);
  };
  return (
    <div className={styles.bar} role="toolbar" aria-label="文件">
      <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && void answer('cancel')} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>替换尚未保存的填写？</DialogTitle>
            <DialogContent>
              表格中有尚未保存为文件的填写内容。打开「{asking?.name}」会用该文件的内容替换它们（不会自动保存）。
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void answer('save')}>
                先保存
              </Button>
              <Button onClick={() => void answer('replace')}>不保存，打开</Button>
              <Button onClick={() => void answer('cancel')}>取消</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
        onChange={(e) => void picked(e)}
      />
      <Button size="small" appearance="primary" disabled={!ready || busy} onClick={() => void onSave()}>
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
