// 自检, at the foot of 模板 (out of the main flow): runs the host's self-test when the host has one, shows each
// check ✓/✗ with its error, and copies the report as text for the user to send to whoever deployed the add-in.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { formatSelfTestReport, selfTestPassed, type SelfTestReport } from '../hosts/self-test/self-test-report';
import { useHost } from './host-context';
import { errorText } from './message-words';

export const SELF_TEST_STRINGS = {
  heading: '自检',
  hint: '检查年报助手在本机表格程序中能否正常工作：会新建一张临时工作表，逐项试用后自动删除，不改动您的数据。',
  run: '运行自检',
  running: '正在自检…',
  passed: '自检全部通过',
  failed: (n: number) => `自检有 ${n} 项未通过`,
  copy: '复制结果',
  copied: '已复制，可粘贴到邮件或聊天中发给负责部署年报助手的同事',
  copyFailed: '无法自动复制：请在下面的文本框中全选（Ctrl+A）后复制（Ctrl+C）',
  reportLabel: '自检报告（文本）',
  error: (text: string) => `自检没能完成：${text}`,
} as const;
const S = SELF_TEST_STRINGS;

const useStyles = makeStyles({
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: 0, listStyle: 'none' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  report: { width: '100%', minHeight: '8em', boxSizing: 'border-box', fontFamily: tokens.fontFamilyMonospace },
});

const MARK = { ok: '✓', failed: '✗', 'not-probed': '—' } as const;

/** Copies through the Clipboard API where the webview allows it, else through a selected textarea. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!area) return false;
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function SelfTestBlock() {
  const styles = useStyles();
  const host = useHost();
  const headingId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!host.runSelfTest) return null;
  const runSelfTest = host.runSelfTest.bind(host);

  const run = async () => {
    setRunning(true);
    setMessage(null);
    try {
      setReport(await runSelfTest());
    } catch (e) {
      setReport(null);
      setMessage(S.error(errorText(e)));
    } finally {
      setRunning(false);
    }
  };
  const text = report ? formatSelfTestReport(report) : '';
  const failed = report ? report.checks.filter((c) => c.outcome === 'failed').length : 0;

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {S.heading}
      </h3>
      <p className={styles.hint}>{S.hint}</p>
      <div className={styles.actions}>
        <Button disabled={running} onClick={() => void run()}>
          {running ? S.running : S.run}
        </Button>
        {report && (
          <Button
            onClick={() => void copyText(text, area.current).then((ok) => setMessage(ok ? S.copied : S.copyFailed))}
          >
            {S.copy}
          </Button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
      {report && (
        <>
          <p role="status" className={selfTestPassed(report) ? undefined : styles.failed}>
            {selfTestPassed(report) ? S.passed : S.failed(failed)}
          </p>
          <ul className={styles.list} aria-label={S.heading}>
            {report.checks.map((c) => (
              <li key={c.id} className={c.outcome === 'failed' ? styles.failed : undefined}>
                {MARK[c.outcome]} {c.label}
                {c.detail ? `：${c.detail}` : ''}
              </li>
            ))}
          </ul>
          <textarea ref={area} className={styles.report} readOnly value={text} aria-label={S.reportLabel} />
        </>
      )}
    </section>
  );
}
