// 导出: the whole report as a Word document or a web page, built in the pane and handed to the user.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { EmptyState } from '../EmptyState';
import { useHost, usePaneNavigation, usePaneState, useReportController } from '../host-context';
import { NARRATIVE_STRINGS } from '../narrative/narrative-strings.zh-CN';
import { EXPORT_STRINGS } from './export-strings.zh-CN';
import { exportControllerFor, type ExportController, type ExportQuestion } from './export-controller';

const S = EXPORT_STRINGS;

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
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
});

/** The gate's question: the errors with 仍然导出 / 取消, or the missing 机关名称 / 年度 to fill in. */
function Question({ question, controller }: { question: ExportQuestion; controller: ExportController }) {
  const styles = useStyles();
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState('');
  if (question.kind === 'errors')
    return (
      <MessageBar intent="error" layout="multiline" className={styles.question}>
        <MessageBarBody>
          <MessageBarTitle>{question.title}</MessageBarTitle>
          {question.lines.map((l, i) => (
            <p key={i} className={styles.line}>
              {l}
            </p>
          ))}
          <p className={styles.line}>{S.gateHint}</p>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void controller.export(question.export, { allowErrors: true })}>
            {S.gateConfirm}
          </Button>
          <Button onClick={() => controller.cancel()}>{S.gateCancel}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  return (
    <form
      className={styles.question}
      aria-label={S.titleAsk}
      onSubmit={(e) => {
        e.preventDefault();
        void controller.supplyTitle(agency, year);
      }}
    >
      <p className={styles.line}>{S.titleAsk}</p>
      {question.missing.includes('agency') && (
        <Field label={S.agencyLabel} required>
          <Input value={agency} onChange={(_, d) => setAgency(d.value)} />
        </Field>
      )}
      {question.missing.includes('year') && (
        <Field label={S.yearLabel} required>
          <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit">
          {S.titleContinue}
        </Button>
        <Button onClick={() => controller.cancel()}>{S.gateCancel}</Button>
      </div>
    </form>
  );
}

export default function ExportSection() {
  const styles = useStyles();
  const host = useHost();
  const pane = useReportController();
  const navigation = usePaneNavigation();
  const { template } = usePaneState();
  const controller = useMemo(() => exportControllerFor(pane, host), [pane, host]);
  const { working, message, question } = useSyncExternalStore(controller.subscribe, controller.getState);

  if (template.kind === 'unknown')
    return (
      <p className={styles.hint} role="status">
        {NARRATIVE_STRINGS.loading}
      </p>
    );
  if (template.kind === 'absent')
    return (
      <EmptyState title={S.noTemplate} hint={S.noTemplateHint}>
        <Button onClick={() => navigation.show('template')}>{NARRATIVE_STRINGS.toTemplate}</Button>
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
      {question && <Question key={`${question.kind}-${question.export}`} question={question} controller={controller} />}
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
