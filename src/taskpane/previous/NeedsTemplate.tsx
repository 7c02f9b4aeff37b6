// What a section that works on the report shows when the workbook has no template yet: why, and the way to 模板.
import { Button } from '@fluentui/react-components';
import { usePaneNavigation } from '../host-context';
import { useSummaryStyles } from '../import/ImportSummary';

export function NeedsTemplate({ heading, text, action }: { heading: string; text: string; action: string }) {
  const summary = useSummaryStyles();
  const navigation = usePaneNavigation();
  return (
    <section aria-label={heading}>
      <h3 className={summary.heading}>{heading}</h3>
      <p className={summary.text}>{text}</p>
      <Button appearance="primary" onClick={() => navigation.show('template')}>
        {action}
      </Button>
    </section>
  );
}
