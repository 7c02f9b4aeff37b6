// 模板: whether the template is there and whole (with 修复 when it is not), and the form that inserts a new one.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { FIRST_YEAR, LAST_YEAR } from '../report';
import { EmptyState } from './EmptyState';
import { usePaneState, useReportController } from './host-context';
import { enterSubmits } from './ime-enter';
import { nameLabel } from './message-words';
import { SelfTestBlock } from './SelfTestBlock';
import { isDamaged, type TemplateHealth } from './template-health';
import { STRINGS } from './strings.zh-CN';

const T = STRINGS.template;
/** How many cells a damage list names before it says "等共 N 处". */
const LISTED = 5;

const useStyles = makeStyles({
  block: { marginTop: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: `0 0 ${tokens.spacingVerticalS}` },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  damaged: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingInlineStart: tokens.spacingHorizontalXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function NameList({ names }: { names: readonly string[] }) {
  const styles = useStyles();
  const shown = names.slice(0, LISTED);
  return (
    <ul className={styles.list}>
      {shown.map((n) => (
        <li key={n}>{nameLabel(n)}</li>
      ))}
      {names.length > LISTED && <li>{T.more(names.length)}</li>}
    </ul>
  );
}

function Health({ template }: { template: TemplateHealth }) {
  const styles = useStyles();
  const controller = useReportController();
  const { working } = usePaneState();
  if (template.kind === 'unknown') return <p className={styles.text}>{T.unknown}</p>;
  if (template.kind === 'absent') return <EmptyState title={T.absent} />;
  const goTo = <Button onClick={() => void controller.goToTemplate()}>{T.goTo}</Button>;
  // The template version this program makes of its format.
  const ours = controller.format.version;
  if (!isDamaged(template))
    return (
      <>
        <p className={styles.text} role="status">
          {T.ok(template.version)}
        </p>
        {template.version !== null && ours !== null && template.version > ours && (
          <p className={styles.hint}>{T.newer(template.version, ours)}</p>
        )}
        <div className={styles.actions}>{goTo}</div>
      </>
    );
  return (
    <>
      <p className={styles.damaged} role="status">
        {T.damaged}
      </p>
      {template.missing.length > 0 && (
        <>
          <p className={styles.text}>{T.missingNames(template.missing.length)}</p>
          <NameList names={template.missing} />
        </>
      )}
      {template.mergedAway.length > 0 && (
        <>
          <p className={styles.text}>{T.mergedAway(template.mergedAway.length)}</p>
          <NameList names={template.mergedAway} />
        </>
      )}
      <p className={styles.hint}>{T.repairHint}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={working !== null} onClick={() => void controller.repair()}>
          {working === 'repairing' ? T.repairing : T.repair}
        </Button>
        {goTo}
      </div>
    </>
  );
}

function InsertForm() {
  const styles = useStyles();
  const controller = useReportController();
  const { working } = usePaneState();
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState(String(Math.max(FIRST_YEAR, new Date().getFullYear() - 1)));
  const [yearError, setYearError] = useState<string | null>(null);
  const headingId = useId();

  const submit = async () => {
    if (working !== null) return;
    const outcome = await controller.insertTemplate({ agency, year });
    setYearError(!outcome.ok && outcome.reason === 'year' ? outcome.message : null);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  const onKeyDown = enterSubmits(() => void submit());

  return (
    <form className={styles.form} onSubmit={onSubmit} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {T.insertHeading}
      </h3>
      <p className={styles.hint}>{T.insertHint}</p>
      <Field label={T.agency}>
        <Input
          value={agency}
          placeholder={T.agencyPlaceholder}
          onChange={(_, d) => setAgency(d.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      <Field
        label={T.year}
        validationState={yearError ? 'error' : 'none'}
        validationMessage={yearError ?? undefined}
        hint={T.yearHint(FIRST_YEAR, LAST_YEAR)}
      >
        <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} onKeyDown={onKeyDown} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={working !== null}>
          {working === 'inserting' ? T.inserting : T.insert}
        </Button>
      </div>
    </form>
  );
}

export function TemplateSection() {
  const styles = useStyles();
  const { template } = usePaneState();
  return (
    <>
      <section aria-label={T.healthHeading}>
        <h3 className={styles.heading}>{T.healthHeading}</h3>
        <Health template={template} />
      </section>
      {template.kind !== 'found' && (
        <section className={styles.block}>
          <InsertForm />
        </section>
      )}
      <div className={styles.block}>
        <SelfTestBlock />
      </div>
    </>
  );
}
