// Dismissals: a warning dismissed with a reason stays dismissed while the cells it reads keep their values and
// stands again by itself when any of them changes; errors and blank reminders cannot be dismissed; the stored
// JSON reads back, and a cell edited by hand dismisses nothing.
import fc from 'fast-check';
import {
  ALL_VALUE_CELLS,
  DISMISSAL_LIMITS,
  applyDismissals,
  cannotDismiss,
  dismiss,
  evaluateRules,
  fnv1a64,
  readDismissals,
  undismiss,
  writeDismissals,
  type CellContent,
  type Dismissal,
} from '../../src/report';
import { num, set, setName, zeroReport } from '../support/report-values';

/** 规章: 5 made, none repealed, but only 3 in force at year end — the T2.inforce warning (表二). */
function withWarning(): CellContent[] {
  const v = zeroReport();
  set(v, 'T2', 'rule', 'made', 5);
  set(v, 'T2', 'rule', 'repealed', 0);
  set(v, 'T2', 'rule', 'inforce', 3);
  return v;
}
const findingsOf = (v: readonly CellContent[]) => evaluateRules(v);
const inforceWarning = (v: readonly CellContent[]) => findingsOf(v).find((f) => f.rule === 'T2.inforce')!;
const REASON = '两件规章已于本年内被上位法取代而失效';

function dismissed(v: readonly CellContent[], list: readonly Dismissal[]) {
  return applyDismissals(findingsOf(v), v, list);
}

describe('dismissals', () => {
  const at = new Date('2026-01-10T08:00:00Z');

  it('takes a warning out of the standing findings, with its reason', () => {
    const v = withWarning();
    const w = inforceWarning(v);
    expect(w.severity).toBe('warning');
    const outcome = dismiss([], w, v, `  ${REASON} `, at);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.dismissals).toEqual([
      {
        rule: 'T2.inforce',
        key: 'rule',
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        reason: REASON,
        at: '2026-01-10T08:00:00.000Z',
      },
    ]);
    const applied = dismissed(v, outcome.dismissals);
    expect(applied.dismissed).toEqual([{ finding: w, reason: REASON }]);
    expect(applied.standing.some((f) => f.rule === 'T2.inforce')).toBe(false);
    expect(applied.standing).toHaveLength(findingsOf(v).length - 1);
  });

  it('comes back by itself when a value it read changes, and stays when another cell changes', () => {
    const v = withWarning();
    const outcome = dismiss([], inforceWarning(v), v, REASON, at);
    if (!outcome.ok) throw new Error(outcome.reason);
    const otherCell = set([...v], 'T3', 'new', 'person', 0); // unchanged value: still dismissed
    expect(dismissed(otherCell, outcome.dismissals).dismissed).toHaveLength(1);
    const unrelated = set(set([...v], 'T2', 'norm', 'made', 1), 'T2', 'norm', 'inforce', 1);
    expect(dismissed(unrelated, outcome.dismissals).dismissed).toHaveLength(1);
    const changed = set([...v], 'T2', 'rule', 'made', 6);
    const back = dismissed(changed, outcome.dismissals);
    expect(back.dismissed).toEqual([]);
    expect(back.standing.filter((f) => f.rule === 'T2.inforce')).toHaveLength(1);
    // …and changing it back makes the same dismissal hold again (the fingerprint is of the values).
    expect(dismissed(set([...changed], 'T2', 'rule', 'made', 5), outcome.dismissals).dismissed).toHaveLength(1);
  });

  it('lapses for a change of any cell the warning reads, and of nothing else (property)', () => {
    const v = withWarning();
    const w = inforceWarning(v);
    const outcome = dismiss([], w, v, REASON, at);
    if (!outcome.ok) throw new Error(outcome.reason);
    const read = new Set(w.cells);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ALL_VALUE_CELLS.length - 1 }),
        fc.integer({ min: 0, max: 4 }),
        (index, value) => {
          const name = ALL_VALUE_CELLS[index].name;
          const before = v[index];
          if (before.kind === 'number' && before.value === value) return;
          const changed = setName([...v], name, num(value));
          const still = findingsOf(changed).find((f) => f.rule === 'T2.inforce' && f.key === 'rule');
          const applied = applyDismissals(findingsOf(changed), changed, outcome.dismissals);
          const held = applied.dismissed.some((d) => d.finding.rule === 'T2.inforce');
          if (read.has(name)) expect(held).toBe(false);
          else expect(held).toBe(still !== undefined);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('refuses errors, blank reminders, an empty reason and an overlong one', () => {
    const v = withWarning();
    set(v, 'T3', 'total', 'person', 7); // a column-sum error
    const error = findingsOf(v).find((f) => f.severity === 'error')!;
    expect(dismiss([], error, v, REASON)).toEqual({ ok: false, reason: '错误不能忽略，请改正相应的数字' });
    const blankV = set(withWarning(), 'T3', 'new', 'person', { kind: 'blank' });
    const blank = findingsOf(blankV).find((f) => f.rule === 'blank')!;
    expect(cannotDismiss(blank)).toMatch(/空白单元格不能忽略/);
    expect(dismiss([], inforceWarning(v), v, '   ')).toEqual({ ok: false, reason: '请写明忽略这条提示的理由' });
    expect(dismiss([], inforceWarning(v), v, '理'.repeat(DISMISSAL_LIMITS.reasonChars + 1)).ok).toBe(false);
    // A stored "dismissal" of an error (a hand-edited cell) never hides it.
    const forged: Dismissal = { rule: error.rule, key: error.key, fingerprint: 'x', reason: 'r', at: '' };
    expect(applyDismissals([error], v, [forged]).standing).toEqual([error]);
  });

  it('reads back what it writes; one per check; undismiss removes it; hand edits dismiss nothing', () => {
    const v = withWarning();
    const w = inforceWarning(v);
    const first = dismiss([], w, v, '理由一', at);
    if (!first.ok) throw new Error(first.reason);
    const again = dismiss(first.dismissals, w, v, '理由二', at);
    if (!again.ok) throw new Error(again.reason);
    expect(again.dismissals.map((d) => d.reason)).toEqual(['理由二']);
    const text = writeDismissals(again.dismissals)!;
    expect(readDismissals({ kind: 'text', text })).toEqual({ ok: true, dismissals: again.dismissals });
    expect(writeDismissals(undismiss(again.dismissals, w))).toBeNull();
    expect(readDismissals({ kind: 'blank' })).toEqual({ ok: true, dismissals: [] });
    for (const bad of [
      { kind: 'text', text: '{不是 JSON' },
      { kind: 'text', text: '{"v":9}' },
      { kind: 'number', value: 1 },
    ] as CellContent[]) {
      const read = readDismissals(bad);
      expect(read.ok).toBe(false);
      expect(read.dismissals).toEqual([]);
    }
  });

  it('hashes with FNV-1a 64 (offset basis for the empty text; UTF-16LE bytes otherwise)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    // python: h=0xcbf29ce484222325; for b in 'a'.encode('utf-16le'): h^=b; h=(h*0x100000001b3)%2**64
    expect(fnv1a64('a')).toBe('089be207b544f1e4');
  });
});
