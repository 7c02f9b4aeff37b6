// Collects a table's rows line by line: a label may come on a line of its own with its numbers on the next line
// (a label broken across lines), numbers may wrap onto the next line, and a line of numbers may precede its label.
// The assembler only pairs labels with numbers; the table readers decide what each row is and report what is left.
import { placeTokens, type Identity, type PlacedCell } from './place-values';
import { hasValues, type CellToken, type SourceLine } from './source-lines';

export interface ReaderRow {
  readonly id: string;
  readonly n: number;
  readonly identity?: Identity;
}

export interface PlacedRow {
  readonly row: ReaderRow;
  readonly cells: readonly PlacedCell[];
  readonly dropped: readonly number[];
  readonly line: number;
  /** The digits run together that were split (the only reading the row's identity allows). */
  readonly split?: string;
}

export interface UnresolvedRow {
  readonly row: ReaderRow;
  /**
   * none: a label without numbers; short: fewer numbers than columns; over: more, with no single reading;
   * run: digits run together that split in several ways (or none).
   */
  readonly reason: 'none' | 'short' | 'over' | 'run';
  readonly tokens: readonly CellToken[];
  readonly line: number;
  /** For a run: the readings found (at most a few), each as the cells' numbers. */
  readonly candidates?: readonly (readonly number[])[];
  readonly readings?: number;
}

export interface StrayValues {
  readonly tokens: readonly CellToken[];
  readonly line: number;
}

export class RowAssembler {
  readonly placed = new Map<string, PlacedRow>();
  readonly unresolved: UnresolvedRow[] = [];
  readonly stray: StrayValues[] = [];
  readonly duplicates: { row: ReaderRow; line: number }[] = [];
  private pending: { row: ReaderRow; line: number } | null = null;
  private partial: { row: ReaderRow; tokens: CellToken[]; line: number } | null = null;
  private orphan: { tokens: CellToken[]; explicit: boolean; line: number } | null = null;

  /** True while a label waits for its numbers on a following line. */
  get waiting(): boolean {
    return this.pending !== null;
  }

  seen(id: string): boolean {
    return (
      this.placed.has(id) ||
      this.unresolved.some((u) => u.row.id === id) ||
      this.pending?.row.id === id ||
      this.partial?.row.id === id
    );
  }

  /** One line: the row its label names (if any) and the cells after the label. */
  feed(row: ReaderRow | null, tokens: readonly CellToken[], line: SourceLine): void {
    const values = hasValues(tokens);
    if (row) {
      this.closePartial();
      if (this.pending)
        this.unresolved.push({ row: this.pending.row, reason: 'none', tokens: [], line: this.pending.line });
      this.pending = null;
      if (this.seen(row.id)) {
        this.duplicates.push({ row, line: line.no });
        this.dropOrphan();
        return;
      }
      if (values) {
        this.dropOrphan();
        this.take(row, tokens, line.explicit, line.no);
      } else if (this.orphan) {
        const o = this.orphan;
        this.orphan = null;
        this.take(row, o.tokens, o.explicit, o.line);
      } else this.pending = { row, line: line.no };
      return;
    }
    if (!values) return;
    if (this.pending) {
      const p = this.pending;
      this.pending = null;
      this.take(p.row, tokens, line.explicit, line.no);
      return;
    }
    if (this.partial) {
      const p = this.partial;
      const merged = [...p.tokens, ...tokens.filter((t) => t.kind !== 'blank')];
      const r = placeTokens(p.row.n, merged, false, p.row.identity);
      if (r.kind === 'short') p.tokens = merged;
      else {
        this.partial = null;
        if (r.kind === 'placed')
          this.placed.set(p.row.id, { row: p.row, cells: r.cells, dropped: r.dropped, line: p.line });
        else this.unresolved.push({ row: p.row, reason: 'over', tokens: merged, line: p.line });
      }
      return;
    }
    this.dropOrphan();
    // A header's column-number row (1 2 3 … k) is not a row of numbers waiting for its label.
    if (isColumnNumbering(tokens)) return;
    this.orphan = { tokens: [...tokens], explicit: line.explicit, line: line.no };
  }

  /** Ends the table: whatever still waits is unresolved or stray. */
  finish(): void {
    this.closePartial();
    if (this.pending)
      this.unresolved.push({ row: this.pending.row, reason: 'none', tokens: [], line: this.pending.line });
    this.pending = null;
    this.dropOrphan();
  }

  private take(row: ReaderRow, tokens: readonly CellToken[], explicit: boolean, line: number): void {
    const printed = tokens.filter((t) => t.kind !== 'blank' && t.kind !== 'text');
    const run = printed.length === 1 && printed[0].kind === 'number' && printed[0].run ? printed[0] : null;
    if (run && row.n > 1) {
      const s = splitRun(run.raw, row.n, row.identity);
      if (s.readings === 1)
        this.placed.set(row.id, {
          row,
          cells: s.candidates[0].map((value) => ({ value, from: 'number' as const, raw: String(value) })),
          dropped: [],
          line,
          split: run.raw,
        });
      else this.unresolved.push({ row, reason: 'run', tokens: printed, line, ...s });
      return;
    }
    const r = placeTokens(row.n, tokens, explicit, row.identity);
    if (r.kind === 'placed') this.placed.set(row.id, { row, cells: r.cells, dropped: r.dropped, line });
    // Numbers may wrap onto the next line only in text without cell boundaries; a row of explicit cells that is
    // short is short (a missing cell is never filled from the next row).
    else if (r.kind === 'short' && !explicit) this.partial = { row, tokens: [...r.tokens], line };
    else if (r.kind === 'short') this.unresolved.push({ row, reason: 'short', tokens: r.tokens, line });
    else this.unresolved.push({ row, reason: 'over', tokens: r.tokens, line });
  }

  private closePartial(): void {
    if (!this.partial) return;
    this.unresolved.push({
      row: this.partial.row,
      reason: 'short',
      tokens: this.partial.tokens,
      line: this.partial.line,
    });
    this.partial = null;
  }

  private dropOrphan(): void {
    if (this.orphan) this.stray.push({ tokens: this.orphan.tokens, line: this.orphan.line });
    this.orphan = null;
  }
}

const MAX_READINGS = 5;

/**
 * The ways a run of digits splits into n numbers (no leading zero except 0 itself) that satisfy the identity:
 * the first few, and how many there are.
 */
export function splitRun(digits: string, n: number, identity?: Identity): { candidates: number[][]; readings: number } {
  const candidates: number[][] = [];
  let readings = 0;
  const parts: number[] = [];
  const walk = (at: number) => {
    if (readings > 1000) return;
    if (parts.length === n - 1) {
      const rest = digits.slice(at);
      if (rest.length === 0 || (rest.length > 1 && rest[0] === '0')) return;
      const v = [...parts, Number(rest)];
      if (!identity || identity(v)) {
        readings++;
        if (candidates.length < MAX_READINGS) candidates.push(v);
      }
      return;
    }
    for (let end = at + 1; end <= digits.length - (n - 1 - parts.length); end++) {
      if (end - at > 1 && digits[at] === '0') break;
      parts.push(Number(digits.slice(at, end)));
      walk(end);
      parts.pop();
    }
  };
  if (digits.length >= n) walk(0);
  return { candidates, readings };
}

/** 1 2 3 … k (k ≥ 3): the numbering of a table's columns under its header, not data. */
function isColumnNumbering(tokens: readonly CellToken[]): boolean {
  const printed = tokens.filter((t) => t.kind !== 'blank');
  return (
    printed.length >= 3 && printed.every((t, i) => t.kind === 'number' && t.value === i + 1 && t.raw === String(i + 1))
  );
}
