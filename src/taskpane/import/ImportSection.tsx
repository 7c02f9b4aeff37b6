// 导入: paste or choose a published report, see what was read, then 填入模板 (asking before any cell that already
// holds something else is overwritten).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { displayContent, formatNumber } from '../../report';
import { usePaneNavigation, useReportController } from '../host-context';
import { STRINGS } from '../strings.zh-CN';
import type { FillPlan } from './fill-plan';
import type { ImportController } from './import-controller';
import { ImportDiagnostics, ImportSummary, useSummaryStyles } from './ImportSummary';
import { nameLabel } from '../message-words';
import { SectionNotice } from './SectionNotice';
import { SourcePicker } from './SourcePicker';
import { useSectionState } from './use-section-state';

const I = STRINGS.import;

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
  conflicts: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  item: { paddingBlock: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
});

function Conflicts({ plan, imports, busy }: { plan: FillPlan; imports: ImportController; busy: boolean }) {
  const styles = useStyles();
  const summary = useSummaryStyles();
  const first = useRef<HTMLButtonElement>(null);
  // The question takes the keyboard focus when it appears (once its buttons are enabled), so Enter answers it.
  useEffect(() => {
    if (!busy) first.current?.focus();
  }, [plan, busy]);
  const heading = I.conflictsHeading(plan.conflicts.length);
  return (
    <section className={styles.conflicts} role="group" aria-label={heading}>
      <h3 className={summary.heading}>{heading}</h3>
      <p className={summary.hint}>{I.conflictsHint}</p>
      <ul>
        {plan.conflicts.map((c) => (
          <li key={c.name} className={styles.item}>
            {I.conflictItem(
              nameLabel(c.name),
              displayContent(c.current),
              typeof c.imported === 'number' ? formatNumber(c.imported) : c.imported,
            )}
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button ref={first} disabled={busy} onClick={() => void imports.resolve('overwrite')}>
          {I.overwrite}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void imports.resolve('blanksOnly')}>
          {I.blanksOnly}
        </Button>
        <Button disabled={busy} onClick={() => void imports.resolve('cancel')}>
          {I.cancel}
        </Button>
      </div>
    </section>
  );
}

export function ImportSection() {
  const styles = useStyles();
  const summary = useSummaryStyles();
  const imports = useReportController().imports;
  const navigation = usePaneNavigation();
  const { draft, busy, step, message } = useSectionState(imports);
  const writing = busy === 'writing';

  return (
    <>
      <section aria-label={I.heading}>
        <h3 className={summary.heading}>{I.heading}</h3>
        <p className={summary.hint}>{I.hint}</p>
        <SourcePicker
          draft={draft}
          onDraft={(t) => imports.setDraft(t)}
          onRead={() => void imports.readDraft()}
          onFile={(f) => void imports.readFile(f)}
          busy={busy !== null}
          fileLabel={STRINGS.source.fileLabel}
          fileTypes={STRINGS.source.textTypes}
          accept=".txt,.md,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
      </section>
      <SectionNotice message={message} />
      {step.kind !== 'empty' && <ImportSummary preview={step.preview} />}
      {step.kind === 'preview' && (
        <>
          <p className={summary.hint}>{I.fillHint}</p>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void imports.fill()}>
              {writing ? I.filling : I.fill}
            </Button>
            <Button disabled={busy !== null} onClick={() => imports.discard()}>
              {STRINGS.source.discard}
            </Button>
          </div>
        </>
      )}
      {step.kind === 'needTemplate' && (
        <section className={summary.block} aria-label={I.needTemplate}>
          <p className={summary.text}>{I.needTemplate}</p>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void imports.insertTemplateAndFill()}>
              {writing ? I.filling : I.insertAndFill}
            </Button>
            <Button disabled={busy !== null} onClick={() => imports.discard()}>
              {STRINGS.source.discard}
            </Button>
          </div>
        </section>
      )}
      {step.kind === 'conflicts' && <Conflicts plan={step.plan} imports={imports} busy={busy !== null} />}
      {step.kind === 'done' && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => navigation.show('check')}>
            {I.toCheck}
          </Button>
          <Button onClick={() => imports.discard()}>{STRINGS.source.discard}</Button>
        </div>
      )}
      {step.kind !== 'empty' && <ImportDiagnostics preview={step.preview} />}
    </>
  );
}
