// The fields a template can use, grouped, each a button that inserts it at the editor's caret. Collapsed by default
// (a <details>: keyboard and screen readers know it) so the editor stays in view at 320 px.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { FieldInfo } from '../../report';
import { NARRATIVE_STRINGS } from './narrative-strings.zh-CN';
import { fieldGroups } from './template-fields';

const S = NARRATIVE_STRINGS;

const useStyles = makeStyles({
  details: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  summary: { cursor: 'pointer', paddingBlock: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  group: { marginTop: tokens.spacingVerticalS },
  groupName: { margin: `0 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  field: {
    minWidth: 0,
    maxWidth: '100%',
    whiteSpace: 'normal',
    wordBreak: 'break-all',
    fontWeight: tokens.fontWeightRegular,
  },
});

export function FieldPicker({ onPick }: { onPick: (field: FieldInfo) => void }) {
  const styles = useStyles();
  const groups = useMemo(() => fieldGroups(), []);
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{S.fields}</summary>
      {groups.map((g) => (
        <div key={g.name} role="group" aria-label={g.name || S.fieldsBasic} className={styles.group}>
          <p className={styles.groupName}>{g.name || S.fieldsBasic}</p>
          <div className={styles.buttons}>
            {g.fields.map((f) => (
              <Button
                key={f.path}
                className={styles.field}
                size="small"
                appearance="outline"
                title={f.label}
                aria-label={S.fieldInsert(f.path, f.label)}
                onClick={() => onPick(f)}
              >
                {f.path}
              </Button>
            ))}
          </div>
        </div>
      ))}
    </details>
  );
}
