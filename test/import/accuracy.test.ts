// The labelled corpus of `npm run accuracy` (PDF and the 200-report round trips stay in the harness, they need
// LibreOffice and minutes): per kind, no number invented and at least 99.5 % of the labelled cells right.
import type { SourceKind } from '../../src/report/import';
import { corpus, emptyScore, scoreDocument, share, type Score } from './accuracy/accuracy-corpus';

describe('the labelled corpus', () => {
  const scores = new Map<SourceKind, Score>();
  beforeAll(async () => {
    for (const d of corpus()) {
      const s = scores.get(d.kind) ?? emptyScore();
      scores.set(d.kind, s);
      await scoreDocument(s, d.name, d.kind, await d.bytes(), d.expected);
    }
  }, 120_000);

  it.each(['text', 'markdown', 'html', 'docx'] as const)(
    '%s: nothing invented, nothing wrong, ≥ 99.5 %% right',
    (kind) => {
      const s = scores.get(kind)!;
      expect(s.refused).toEqual([]);
      expect(s.mistakes).toEqual([]);
      expect(s.invented).toBe(0);
      expect(share(s)).toBeGreaterThanOrEqual(0.995);
    },
  );
});
