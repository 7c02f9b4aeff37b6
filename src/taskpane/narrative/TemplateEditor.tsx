// One section's template editor: the text (kept by the controller on every keystroke), the fields to insert at
// the caret, the problems with line and column, the preview (debounced; the last good one while the text is
// refused), and 保存模板 / 恢复默认 / 放弃修改.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useRef } from 'react';
import { formatTemplateProblem, type FieldInfo } from '../../report';
import { NARRATIVE_STRINGS } from './narrative-strings.zh-CN';
import { FieldPicker } from './FieldPicker';
import type { NarrativeController, SectionView } from './narrative-controller';
import { insertSnippet, snippetFor } from './template-fields';

const S = NARRATIVE_STRINGS;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  textarea: { width: '100%' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, lineHeight: '1.6' },
  problems: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  problemList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  previewHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  preview: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalXS}`, textIndent: '2em', wordBreak: 'break-word' },
  note: { margin: 0, color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function Paragraphs({ paragraphs, empty }: { paragraphs: readonly string[]; empty: string }) {
  const styles = useStyles();
  if (paragraphs.length === 0) return <p className={styles.note}>{empty}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={styles.paragraph}>
          {p}
        </p>
      ))}
    </>
  );
}

export function TemplateEditor({
  section,
  controller,
  busy,
  id,
}: {
  section: SectionView;
  controller: NarrativeController;
  busy: boolean;
  /** The editor's element id (the 编辑模板 button controls it). */
  id: string;
}) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const text = section.draft ?? section.stored;
  const dirty = section.draft !== null && section.draft !== section.stored;

  // After a field is inserted, the caret goes after it (inside an #each block) and the editor keeps the focus.
  useLayoutEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);

  const pick = (field: FieldInfo) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? start;
    const next = insertSnippet(text, start, end, snippetFor(field));
    caret.current = next.caret;
    controller.edit(section.id, next.text);
  };

  const problems = section.problems;
  return (
    <div className={styles.root} id={id}>
      <Field label={S.editorLabel(section.label)} hint={S.editorHint}>
        <Textarea
          ref={area}
          className={styles.textarea}
          textarea={{ className: styles.code, spellCheck: false }}
          resize="vertical"
          rows={8}
          value={text}
          onChange={(_, d) => controller.edit(section.id, d.value)}
        />
      </Field>
      <FieldPicker onPick={pick} />
      <div aria-live="polite">
        {problems.length > 0 && (
          <>
            <p className={styles.problems}>{S.problems(problems.length)}</p>
            <ul className={styles.problemList}>
              {problems.map((p, i) => (
                <li key={i}>{formatTemplateProblem(p)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className={styles.preview}>
        <h4 className={styles.previewHeading}>{S.preview}</h4>
        {problems.length > 0 && <p className={styles.note}>{S.previewKept}</p>}
        <Paragraphs paragraphs={section.preview ?? section.paragraphs} empty={S.nothingToSay} />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void controller.save(section.id)}>
          {busy ? S.saving : S.save}
        </Button>
        <Button disabled={busy} onClick={() => void controller.restoreDefault(section.id)}>
          {S.restore}
        </Button>
        {dirty && (
          <Button disabled={busy} onClick={() => controller.discard(section.id)}>
            {S.discard}
          </Button>
        )}
      </div>
      <div aria-live="polite">
        {section.message && (
          <MessageBar intent={section.message.tone} layout="multiline">
            <MessageBarBody>{section.message.text}</MessageBarBody>
            {section.message.action === 'addSheet' && (
              <MessageBarActions>
                <Button size="small" disabled={busy} onClick={() => void controller.addSupplementSheet(section.id)}>
                  {S.addSheet}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    </div>
  );
}
