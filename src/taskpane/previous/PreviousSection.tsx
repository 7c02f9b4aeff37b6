// 上年数据: load last year's report, keep it in the workbook (hidden sheet 上年数据), see the cross-year findings,
// and prefill this year's 上年结转 from last year's 结转下年度继续办理.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { usePaneState, useReportController } from '../host-context';
import { DiagnosticItems, Facts, FindingItems, formatWords, useSummaryStyles } from '../import/ImportSummary';
import { SectionNotice } from '../import/SectionNotice';
import { NeedsTemplate } from './NeedsTemplate';
import { SourcePicker } from '../import/SourcePicker';
import { nameLabel } from '../message-words';
import { useSectionState } from '../import/use-section-state';
import { STRINGS } from '../strings.zh-CN';
import type { LoadedPrevious, PreviousController, PrefillOutcome } from './previous-controller';

const P = STRINGS.previous;
const S = STRINGS.source;

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  warning: { margin: `${tokens.spacingVerticalXS} 0`, color: tokens.colorPaletteDarkOrangeForeground1 },
  conflict: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
    wordBreak: 'break-word',
    minWidth: 0,
  },
});

function Loaded({ loaded, previous, busy }: { loaded: LoadedPrevious; previous: PreviousController; busy: boolean }) {
  const styles = useStyles();
  const summary = useSummaryStyles();
  return (
    <section className={summary.block} aria-label={S.found}>
      <h3 className={summary.heading}>{S.found}</h3>
      <p className={summary.hint}>{loaded.sourceName ? S.from(loaded.sourceName) : S.pasted}</p>
      <Facts
        rows={[
          [S.agency, loaded.agency ?? S.missing],
          [S.year, loaded.year === null ? S.missing : String(loaded.year)],
          [
            S.format,
            formatWords(loaded.formatVersion, loaded.diagnostics.filter((d) => d.code === 'format2019').length),
          ],
        ]}
      />
      <p className={summary.text}>{P.foundCount(loaded.found, loaded.previous.length)}</p>
      {loaded.yearWarning && (
        <p className={styles.warning} role="alert">
          {loaded.yearWarning}
        </p>
      )}
      {loaded.diagnostics.length > 0 && (
        <>
          <h4 className={summary.subheading}>{STRINGS.import.diagnosticsHeading(loaded.diagnostics.length)}</h4>
          <DiagnosticItems diagnostics={loaded.diagnostics} />
        </>
      )}
      {loaded.otherDiagnostics > 0 && <p className={summary.hint}>{P.otherDiagnostics(loaded.otherDiagnostics)}</p>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void previous.save()}>
          {busy ? P.saving : P.save}
        </Button>
        <Button disabled={busy} onClick={() => previous.discard()}>
          {S.discard}
        </Button>
      </div>
    </section>
  );
}

function Prefilled({ outcome, previous }: { outcome: PrefillOutcome; previous: PreviousController }) {
  const styles = useStyles();
  const summary = useSummaryStyles();
  if (outcome.conflicts.length === 0) return null;
  const heading = P.conflictsHeading(outcome.conflicts.length);
  return (
    <section aria-label={heading}>
      <h4 className={summary.subheading}>{heading}</h4>
      <ul className={summary.list}>
        {outcome.conflicts.map((c) => (
          <li key={c.name}>
            <Button
              className={styles.conflict}
              appearance="transparent"
              title={`${STRINGS.check.selectHint}：${nameLabel(c.name)}`}
              onClick={() => void previous.select(c.name)}
            >
              {c.message}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PreviousSection() {
  const styles = useStyles();
  const summary = useSummaryStyles();
  const previous = useReportController().previous;
  const pane = usePaneState();
  const { draft, busy, loaded, stored, prefill, message, prefillMessage } = useSectionState(previous);
  const crossYear = pane.findings.filter((f) => f.rule.startsWith('X.'));

  // What the workbook keeps is read when the section opens and after every read of the pane (a file opened).
  useEffect(() => void previous.inspect(), [previous, pane.reads]);

  if (pane.template.kind === 'absent')
    return <NeedsTemplate heading={P.heading} text={P.noTemplate} action={P.toTemplate} />;

  return (
    <>
      <section aria-label={P.heading}>
        <h3 className={summary.heading}>{P.heading}</h3>
        <p className={summary.hint}>{P.hint}</p>
        {stored.kind !== 'unknown' && (
          <p className={summary.text} role="status">
            {stored.kind === 'present' ? P.stored(stored.numbers) : P.storedNone}
          </p>
        )}
        <SourcePicker
          draft={draft}
          onDraft={(t) => previous.setDraft(t)}
          onRead={() => void previous.readDraft()}
          onFile={(f) => void previous.readFile(f)}
          busy={busy !== null}
          fileLabel={P.fileLabel}
          fileTypes={P.fileTypes}
          accept=".txt,.md,.html,.htm,.docx,.pdf,.xlsx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      </section>
      <SectionNotice message={message} />
      {loaded && <Loaded loaded={loaded} previous={previous} busy={busy !== null} />}
      {stored.kind === 'present' && (
        <>
          <section className={summary.block} aria-label={P.findingsHeading}>
            <h3 className={summary.heading}>{P.findingsHeading}</h3>
            {crossYear.length === 0 ? (
              <p className={summary.text}>{P.findingsNone}</p>
            ) : (
              <FindingItems findings={crossYear} />
            )}
          </section>
          <section className={summary.block} aria-label={P.prefillHeading}>
            <h3 className={summary.heading}>{P.prefillHeading}</h3>
            <p className={summary.hint}>{P.prefillHint}</p>
            <div className={styles.actions}>
              <Button disabled={busy !== null} onClick={() => void previous.prefill()}>
                {busy === 'prefilling' ? P.prefilling : P.prefill}
              </Button>
            </div>
            <SectionNotice message={prefillMessage} />
            {prefill && <Prefilled outcome={prefill} previous={previous} />}
          </section>
        </>
      )}
    </>
  );
}
