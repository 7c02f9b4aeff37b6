// The findings of one read, grouped by table. A finding's text is a button that selects its cells; a finding with
// a suggested value has a second button that writes it (only on click). A warning can be dismissed with a reason
// (忽略…, asked for inline, Enter to confirm, Esc to cancel); dismissed warnings are listed last with 恢复.
import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { cannotDismiss, formatNumber, type Finding } from '../report';
import type { FindingGroup } from './group-findings';
import { usePaneState, useReportController } from './host-context';
import { enterSubmits } from './ime-enter';
import type { DismissedFinding } from './report-controller';
import { nameLabel } from './message-words';
import { STRINGS } from './strings.zh-CN';

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  badge: { marginTop: '6px' },
  message: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    whiteSpace: 'normal',
    wordBreak: 'break-word',
  },
  fix: { gridColumn: '2', justifySelf: 'start', marginInlineStart: tokens.spacingHorizontalXS },
  actions: { gridColumn: '2', display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  form: {
    gridColumn: '2',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
  },
  reason: { gridColumn: '2', color: tokens.colorNeutralForeground3, paddingInline: tokens.spacingHorizontalXS },
  more: { marginTop: tokens.spacingVerticalXS },
  painted: {
    gridColumn: '2',
    paddingInline: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** A fresh template has a blank reminder for every cell: show this many per table until the user asks for all. */
const SHOWN = 8;

/** 忽略…: asks for the reason inline; Enter confirms, Esc cancels and gives the focus back to the button. */
function DismissControl({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const controller = useReportController();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setAsking(false);
    setReason('');
    setTried(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setTried(true);
    if (reason.trim() === '') return;
    void controller.dismissFinding(finding, reason).then((ok) => ok && setAsking(false));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  if (!asking)
    return (
      <Button
        ref={opener}
        size="small"
        appearance="subtle"
        aria-label={STRINGS.ignore.buttonLabel(finding.message)}
        onClick={() => setAsking(true)}
      >
        {STRINGS.ignore.button}
      </Button>
    );
  return (
    <form className={styles.form} aria-label={STRINGS.ignore.formLabel} onSubmit={submit} onKeyDown={onKeyDown}>
      <Field
        label={STRINGS.ignore.reasonLabel}
        required
        validationMessage={tried && reason.trim() === '' ? STRINGS.ignore.reasonMissing : undefined}
      >
        <Input autoFocus value={reason} onChange={(_, d) => setReason(d.value)} onKeyDown={enterSubmits(submit)} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" size="small" appearance="primary">
          {STRINGS.ignore.confirm}
        </Button>
        <Button type="button" size="small" onClick={close}>
          {STRINGS.ignore.cancel}
        </Button>
      </div>
    </form>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const controller = useReportController();
  const fix = finding.fix === undefined ? null : formatNumber(finding.fix);
  const dismissable = cannotDismiss(finding) === null;
  return (
    <li className={styles.item}>
      <Badge
        className={styles.badge}
        appearance="tint"
        shape="rounded"
        color={finding.severity === 'error' ? 'danger' : 'warning'}
      >
        {STRINGS.severity[finding.severity]}
      </Badge>
      <FindingMessage finding={finding} />
      {finding.cells.length > 1 && (
        // A cross-cell rule paints one cell, maybe off screen: say which (h5, issue #11 item 2).
        <span className={styles.painted}>{STRINGS.check.painted(nameLabel(finding.cells[0]))}</span>
      )}
      {fix !== null && (
        <Button
          className={styles.fix}
          size="small"
          aria-label={STRINGS.check.fixLabel(nameLabel(finding.cells[0]), fix)}
          onClick={() => void controller.applyFix(finding)}
        >
          {STRINGS.check.fix(fix)}
        </Button>
      )}
      {dismissable && (
        <div className={styles.actions}>
          <DismissControl finding={finding} />
        </div>
      )}
    </li>
  );
}

/** A finding's message; a click selects its cells (the first one active). */
function FindingMessage({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const controller = useReportController();
  return (
    <Button
      className={styles.message}
      appearance="transparent"
      title={STRINGS.check.selectHint}
      onClick={() => void controller.selectFinding(finding)}
    >
      {finding.message}
    </Button>
  );
}

function DismissedItem({ item }: { item: DismissedFinding }) {
  const styles = useStyles();
  const controller = useReportController();
  const { finding, reason } = item;
  return (
    <li className={styles.item}>
      <Badge className={styles.badge} appearance="outline" shape="rounded" color="informative">
        {STRINGS.severity[finding.severity]}
      </Badge>
      <FindingMessage finding={finding} />
      <span className={styles.reason}>{STRINGS.ignore.reason(reason)}</span>
      <div className={styles.actions}>
        <Button
          size="small"
          aria-label={STRINGS.ignore.restoreLabel(finding.message)}
          onClick={() => void controller.undismissFinding(finding)}
        >
          {STRINGS.ignore.restore}
        </Button>
      </div>
    </li>
  );
}

function DismissedGroup({ items }: { items: readonly DismissedFinding[] }) {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-labelledby="findings-dismissed">
      <h3 id="findings-dismissed" className={styles.heading}>
        {STRINGS.ignore.heading(items.length)}
      </h3>
      <ul className={styles.list}>
        {items.map((d) => (
          <DismissedItem key={`${d.finding.rule}:${d.finding.key}`} item={d} />
        ))}
      </ul>
    </section>
  );
}

function Group({ group }: { group: FindingGroup }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? group.findings : group.findings.slice(0, Math.max(SHOWN, group.errors));
  const hidden = group.findings.length - shown.length;
  return (
    <section className={styles.group} aria-labelledby={`findings-${group.table}`}>
      <h3 id={`findings-${group.table}`} className={styles.heading}>
        {group.title}
        <span className={styles.count}>{STRINGS.check.groupCount(group.errors, group.warnings)}</span>
      </h3>
      <ul className={styles.list}>
        {shown.map((f) => (
          <FindingItem key={`${f.rule}:${f.key}`} finding={f} />
        ))}
      </ul>
      {hidden > 0 && (
        <Button className={styles.more} appearance="subtle" size="small" onClick={() => setAll(true)}>
          {STRINGS.check.showAll(hidden)}
        </Button>
      )}
    </section>
  );
}

export function FindingList({ groups }: { groups: readonly FindingGroup[] }) {
  const { dismissed } = usePaneState();
  return (
    <>
      {groups.map((g) => (
        <Group key={g.table} group={g} />
      ))}
      {dismissed.length > 0 && <DismissedGroup items={dismissed} />}
    </>
  );
}
