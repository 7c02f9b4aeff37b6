// The 汇总 tab: choose the children's workbooks (several at once, the browser's own file dialog), see each one's
// status (可计入 / 不计入 and why, by name), 汇总 into the current report, and see where each cell's sum comes from.
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';
import { useHost, usePaneState, useReportController } from '../host-context';
import { Facts, useSummaryStyles } from '../import/ImportSummary';
import { SectionNotice } from '../import/SectionNotice';
import { useSectionState } from '../import/use-section-state';
import { nameLabel } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { NeedsTemplate } from '../previous/NeedsTemplate';
import { ROLLUP_STRINGS as R } from './rollup-strings.zh-CN';
import {
  parentYear,
  rollupControllerFor,
  screenEntries,
  type ChildStatus,
  type RollupController,
  type RollupTrace,
} from './rollup-controller';

/** Beyond this many children the pane shows each cell's total only; the sheet has every column. */
const PARTS_SHOWN_UP_TO = 12;

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  child: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  label: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word', minWidth: 0 },
  file: { color: tokens.colorNeutralForeground2, wordBreak: 'break-all', fontSize: tokens.fontSizeBase200 },
  accepted: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  reason: { flexBasis: '100%', margin: 0, wordBreak: 'break-word', fontSize: tokens.fontSizeBase200 },
  remove: { marginInlineStart: 'auto' },
  trace: { maxHeight: '320px', overflowY: 'auto', margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  traceItem: { wordBreak: 'break-word', fontSize: tokens.fontSizeBase200, marginBottom: tokens.spacingVerticalXXS },
});

function ChildItem({ child, rollup, busy }: { child: ChildStatus; rollup: RollupController; busy: boolean }) {
  const styles = useStyles();
  const word = child.status === 'reading' ? R.reading : child.status === 'accepted' ? R.accepted : R.refused;
  return (
    <li className={styles.child}>
      <span className={styles.label}>{child.label}</span>
      {child.label !== child.fileName && <span className={styles.file}>{child.fileName}</span>}
      <span
        className={child.status === 'accepted' ? styles.accepted : child.status === 'refused' ? styles.refused : ''}
      >
        {word}
      </span>
      <Button
        className={styles.remove}
        size="small"
        disabled={busy}
        aria-label={R.removeLabel(child.label)}
        onClick={() => rollup.remove(child.id)}
      >
        {R.remove}
      </Button>
      {child.reason && <p className={styles.reason}>{child.reason}</p>}
    </li>
  );
}

function Trace({ trace }: { trace: RollupTrace }) {
  const styles = useStyles();
  const summary = useSummaryStyles();
  const rows = trace.contributions.filter((k) => k.parts.some((p) => p !== null));
  const showParts = trace.labels.length <= PARTS_SHOWN_UP_TO;
  return (
    <section className={summary.block} aria-label={R.traceHeading}>
      <h3 className={summary.heading}>{R.traceHeading}</h3>
      <p className={summary.hint}>{R.traceHint(trace.sheet)}</p>
      <details>
        <summary>{R.traceCells(rows.length)}</summary>
        <ul className={styles.trace}>
          {rows.map((k) => (
            <li key={k.name} className={styles.traceItem}>
              {`${nameLabel(k.name)}：${k.total}`}
              {showParts && ` = ${k.parts.map((p, i) => `${trace.labels[i]} ${p === null ? R.blank : p}`).join(' + ')}`}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

export function RollupSection() {
  const styles = useStyles();
  const summary = useSummaryStyles();
  const host = useHost();
  const core = useReportController();
  const rollup = rollupControllerFor(host, core);
  const pane = usePaneState();
  const { children, busy, message, confirm, trace } = useSectionState(rollup);
  const input = useRef<HTMLInputElement>(null);

  if (pane.template.kind === 'absent')
    return <NeedsTemplate heading={R.heading} text={R.noTemplate} action={R.toTemplate} />;

  const year = parentYear(pane.cells, core.format);
  const agency = pane.cells.get(core.format.cells.input('META', 'agency').name);
  const statuses = screenEntries(children, year);
  const accepted = statuses.filter((s) => s.status === 'accepted').length;
  const refused = statuses.filter((s) => s.status === 'refused').length;
  const chosen = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Cleared so that choosing the same files again (after fixing them) reads them again.
    e.target.value = '';
    if (files.length) void rollup.addFiles(files);
  };

  return (
    <>
      <section aria-label={R.heading}>
        <h3 className={summary.heading}>{R.heading}</h3>
        <p className={summary.hint}>{R.hint}</p>
        <Facts
          rows={[
            [STRINGS.source.agency, agency?.kind === 'text' && agency.text.trim() ? agency.text : R.unset],
            [STRINGS.source.year, year === null ? R.unset : String(year)],
          ]}
        />
        {year === null && <p className={summary.hint}>{R.noYear}</p>}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => input.current?.click()}>
            {busy === 'reading' ? R.reading : R.choose}
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={R.fileLabel}
            onChange={chosen}
          />
        </div>
      </section>
      <section className={summary.block} aria-label={R.listHeading(children.length)}>
        <h3 className={summary.heading}>{R.listHeading(children.length)}</h3>
        {children.length === 0 ? (
          <p className={summary.hint}>{R.empty}</p>
        ) : (
          <>
            <ul className={summary.list}>
              {statuses.map((s) => (
                <ChildItem key={s.id} child={s} rollup={rollup} busy={busy !== null} />
              ))}
            </ul>
            <p className={summary.text} role="status">
              {R.counted(accepted, refused)}
            </p>
          </>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy !== null || accepted === 0 || confirm !== null}
            onClick={() => void rollup.rollup()}
          >
            {busy === 'writing' ? R.running : R.run}
          </Button>
          {children.length > 0 && (
            <Button disabled={busy !== null} onClick={() => rollup.clear()}>
              {R.clear}
            </Button>
          )}
        </div>
        {confirm && (
          <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={R.confirm(confirm.replaced)}>
            <MessageBarBody>{R.confirm(confirm.replaced)}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void rollup.rollup(true)}>
                {R.confirmRun}
              </Button>
              <Button onClick={() => rollup.cancel()}>{R.cancel}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <SectionNotice message={message} />
      </section>
      {trace && <Trace trace={trace} />}
    </>
  );
}

export default RollupSection;
