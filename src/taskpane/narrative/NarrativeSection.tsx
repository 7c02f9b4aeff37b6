// 叙述: each generated section's text as the workbook's values write it now, its template editor, whether the
// narrative agrees with the tables (N.*, each pointing at the words' cell), and the parts the user writes by hand.
// Loaded on first use (lazy-section.tsx): Handlebars and the narrative code stay out of the pane's first download.
import { Badge, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { formatTemplateProblem } from '../../report';
import { EmptyState } from '../EmptyState';
import { useHost, usePaneNavigation, useReportController } from '../host-context';
import { STRINGS } from '../strings.zh-CN';
import { NARRATIVE_STRINGS } from './narrative-strings.zh-CN';
import {
  narrativeControllerFor,
  type NarrativeController,
  type NarrativeState,
  type SectionView,
} from './narrative-controller';
import { Paragraphs, TemplateEditor } from './TemplateEditor';

const S = NARRATIVE_STRINGS;

const useStyles = makeStyles({
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  section: {
    marginTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { marginBottom: tokens.spacingVerticalXS },
  broken: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  finding: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    whiteSpace: 'normal',
    wordBreak: 'break-word',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function GeneratedSection({
  section,
  controller,
  busy,
}: {
  section: SectionView;
  controller: NarrativeController;
  busy: boolean;
}) {
  const styles = useStyles();
  // An unsaved draft opens the editor again after a tab switch.
  const [open, setOpen] = useState(section.draft !== null);
  const headingId = `narrative-${section.id}`;
  const editorId = `narrative-editor-${section.id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {section.label}
        <Badge appearance="tint" color={section.isDefault ? 'informative' : 'brand'} shape="rounded">
          {section.isDefault ? S.defaultBadge : S.customBadge}
        </Badge>
        {section.draft !== null && section.draft !== section.stored && (
          <Badge appearance="tint" color="warning" shape="rounded">
            {S.unsaved}
          </Badge>
        )}
      </h3>
      <div className={styles.text}>
        {section.storedProblems.length > 0 ? (
          <p className={styles.broken}>
            {S.brokenStored}
            {section.storedProblems.map(formatTemplateProblem).join('；')}
          </p>
        ) : (
          <Paragraphs paragraphs={section.paragraphs} empty={S.nothingToSay} />
        )}
      </div>
      <Button size="small" aria-expanded={open} aria-controls={editorId} onClick={() => setOpen(!open)}>
        {open ? S.closeEditor : S.edit}
      </Button>
      {open && <TemplateEditor id={editorId} section={section} controller={controller} busy={busy} />}
    </section>
  );
}

function Findings({ state, controller }: { state: NarrativeState; controller: NarrativeController }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="narrative-findings">
      <h3 id="narrative-findings" className={styles.heading}>
        {S.findingsHeading}
      </h3>
      {state.findings.length === 0 ? (
        <p className={styles.muted}>{S.findingsNone}</p>
      ) : (
        <>
          <p className={styles.hint}>{S.findingsHint}</p>
          <ul className={styles.list}>
            {state.findings.map((f) => (
              <li key={`${f.rule}:${f.key}:${f.cells[0]}:${f.start}`} className={styles.item}>
                <Button
                  className={styles.finding}
                  appearance="transparent"
                  title={STRINGS.check.selectHint}
                  onClick={() => void controller.selectFinding(f)}
                >
                  {f.message}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TypedParts({ state, controller }: { state: NarrativeState; controller: NarrativeController }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="narrative-typed">
      <h3 id="narrative-typed" className={styles.heading}>
        {S.typedHeading}
      </h3>
      <ul className={styles.list}>
        {state.typed.map((t) => (
          <li key={t.id} className={styles.item}>
            <span>
              {t.label}
              <span className={styles.muted}>
                {'　'}
                {t.paragraphs > 0 ? S.typedFilled(t.paragraphs) : S.typedEmpty}
              </span>
            </span>
            <Button
              size="small"
              disabled={!state.hasSupplement}
              aria-label={S.locateLabel(t.label)}
              onClick={() => void controller.selectCell(t.cell)}
            >
              {S.locate}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function NarrativeSection() {
  const styles = useStyles();
  const host = useHost();
  const pane = useReportController();
  const navigation = usePaneNavigation();
  const controller = useMemo(() => narrativeControllerFor(pane, host), [pane, host]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  if (state.template === 'unknown')
    return (
      <p className={styles.muted} role="status">
        {S.loading}
      </p>
    );
  if (state.template === 'absent')
    return (
      <EmptyState title={S.noTemplate} hint={S.noTemplateHint}>
        <Button onClick={() => navigation.show('template')}>{S.toTemplate}</Button>
      </EmptyState>
    );
  return (
    <>
      <p className={styles.hint}>{S.generatedHint}</p>
      {!state.hasSupplement && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {S.noSheet}{' '}
            <Button size="small" disabled={state.busy !== null} onClick={() => void controller.addSupplementSheet()}>
              {S.addSheet}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.tone} layout="multiline">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.sections.map((s) => (
        <GeneratedSection key={s.id} section={s} controller={controller} busy={state.busy !== null} />
      ))}
      <Findings state={state} controller={controller} />
      <TypedParts state={state} controller={controller} />
    </>
  );
}
