// The findings of one read, grouped by table. A finding's text is a button that selects its cells; a finding with
// a suggested value has a second button that writes it (only on click).
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatNumber, type Finding } from '../report';
import type { FindingGroup } from './group-findings';
import { useReportController } from './host-context';
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

function FindingItem({ finding }: { finding: Finding }) {
  const styles = useStyles();
  const controller = useReportController();
  const fix = finding.fix === undefined ? null : formatNumber(finding.fix);
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
      <Button
        className={styles.message}
        appearance="transparent"
        title={STRINGS.check.selectHint}
        onClick={() => void controller.selectFinding(finding)}
      >
        {finding.message}
      </Button>
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
    </li>
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
  return (
    <>
      {groups.map((g) => (
        <Group key={g.table} group={g} />
      ))}
    </>
  );
}
