// What an import found, before anything is written: 机关名称, 年度, the format, the values per table, every
// diagnostic by table, and the rules' findings over the imported values. Also used (in part) by 上年数据.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Finding } from '../../report';
import type { FormatVersion, ImportDiagnostic } from '../../report/import';
import { STRINGS } from '../strings.zh-CN';
import type { DiagnosticGroup, ImportPreview } from './import-preview';

const S = STRINGS.source;
const I = STRINGS.import;

export const useSummaryStyles = makeStyles({
  block: { marginTop: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, wordBreak: 'break-word' },
  text: { margin: `0 0 ${tokens.spacingVerticalXS}`, wordBreak: 'break-word' },
  hint: { margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  message: { minWidth: 0, wordBreak: 'break-word' },
});

export function formatWords(version: FormatVersion | null, unmapped2019: number): string {
  if (version === null) return S.workbook;
  if (version === '2021') return S.format2021;
  if (version === '2019') return S.format2019(unmapped2019);
  return S.formatUnknown;
}

export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  const styles = useSummaryStyles();
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DiagnosticItems({ diagnostics }: { diagnostics: readonly ImportDiagnostic[] }) {
  const styles = useSummaryStyles();
  return (
    <ul className={styles.list}>
      {diagnostics.map((d, i) => (
        <li key={i} className={styles.item}>
          <Badge appearance="tint" shape="rounded" color={d.level === 'warning' ? 'warning' : 'informative'}>
            {S.level[d.level]}
          </Badge>
          <span className={styles.message}>{d.message}</span>
        </li>
      ))}
    </ul>
  );
}

function Diagnostics({ groups, count }: { groups: readonly DiagnosticGroup[]; count: number }) {
  const styles = useSummaryStyles();
  if (count === 0) return <p className={styles.text}>{I.noDiagnostics}</p>;
  return (
    <section aria-label={I.diagnosticsHeading(count)}>
      <h4 className={styles.heading}>{I.diagnosticsHeading(count)}</h4>
      {groups.map((g) => (
        <section key={g.table ?? 'other'} aria-label={g.title ?? S.otherGroup}>
          <h5 className={styles.subheading}>{g.title ?? S.otherGroup}</h5>
          <DiagnosticItems diagnostics={g.diagnostics} />
        </section>
      ))}
    </section>
  );
}

export function FindingItems({ findings }: { findings: readonly Finding[] }) {
  const styles = useSummaryStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f) => (
        <li key={`${f.rule}:${f.key}`} className={styles.item}>
          <Badge appearance="tint" shape="rounded" color={f.severity === 'error' ? 'danger' : 'warning'}>
            {STRINGS.severity[f.severity]}
          </Badge>
          <span className={styles.message}>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** 机关名称, 年度, the format, the values per table and the rules' findings: what to decide on. */
export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const styles = useSummaryStyles();
  const n = preview.result.narrative;
  return (
    <section className={styles.block} aria-label={S.found}>
      <h3 className={styles.heading}>{S.found}</h3>
      <p className={styles.hint}>{preview.sourceName ? S.from(preview.sourceName) : S.pasted}</p>
      <Facts
        rows={[
          [S.agency, preview.agency ?? S.missing],
          [S.year, preview.year === null ? S.missing : String(preview.year)],
          [S.format, formatWords(preview.formatVersion, preview.unmapped2019)],
        ]}
      />
      <h4 className={styles.subheading}>{I.tablesHeading}</h4>
      <ul className={styles.list}>
        {preview.tables.map((t) => (
          <li key={t.table}>{I.tableCount(t.title, t.placed, t.total)}</li>
        ))}
      </ul>
      <p className={styles.hint}>
        {I.narrative(
          n.overall?.length ?? null,
          n.overallParts.length,
          n.problems?.length ?? null,
          n.other?.length ?? null,
        )}
      </p>
      <section className={styles.block} aria-label={I.findingsHeading}>
        <h4 className={styles.heading}>
          {I.findingsHeading}
          {preview.findings.length > 0 && `（${I.findingsSummary(preview.counts.error, preview.counts.warning)}）`}
        </h4>
        {preview.findings.length === 0 ? (
          <p className={styles.text}>{I.findingsNone}</p>
        ) : (
          preview.findingGroups.map((g) => (
            <section key={g.table} aria-label={g.title}>
              <h5 className={styles.subheading}>{g.title}</h5>
              <FindingItems findings={g.findings} />
            </section>
          ))
        )}
      </section>
    </section>
  );
}

/** Every diagnostic, by table, warnings first (shown under the actions: the list can be long). */
export function ImportDiagnostics({ preview }: { preview: ImportPreview }) {
  const styles = useSummaryStyles();
  return (
    <div className={styles.block}>
      <Diagnostics groups={preview.diagnostics} count={preview.diagnosticCount} />
    </div>
  );
}
