// 汇总 in the pane: the user picks the children's .xlsx workbooks, each is read with the targeted reader and
// screened by the domain roll-up (errors, another year, another template version, an agency already counted:
// refused by name); 汇总 writes the sums into the current report's additive cells and the 汇总明细 sheet (each
// child's contribution per cell) through the host interface, and keeps the same trace for the pane to show.
import type { SpreadsheetHost } from '../../hosts/spreadsheet-host';
import type { Format } from '../../report/format/format';
import {
  BLANK,
  ROLLUP_DETAIL_SHEET,
  additiveCells,
  childFacts,
  freeSheetName,
  planRollupDetail,
  screenChildren,
  sumChildren,
  type CellContent,
  type ChildFacts,
  type Contribution,
  type RollupChild,
} from '../../report';
import { readFileBytes } from '../import/read-source-file';
import { SectionStore, type PaneCore, type SectionMessage } from '../import/section-store';
import { errorText } from '../message-words';
import { STRINGS } from '../strings.zh-CN';
import { ROLLUP_STRINGS as R } from './rollup-strings.zh-CN';

/** One chosen file: being read, read (its inputs and facts), or unreadable (why). */
export interface ChildEntry {
  readonly id: number;
  readonly fileName: string;
  readonly read:
    | { readonly kind: 'reading' }
    | { readonly kind: 'read'; readonly values: readonly CellContent[]; readonly facts: ChildFacts }
    | { readonly kind: 'unreadable'; readonly reason: string };
}

/** A child as the list shows it: its name, and whether it is counted and why not. */
export interface ChildStatus {
  readonly id: number;
  readonly fileName: string;
  readonly label: string;
  readonly status: 'reading' | 'accepted' | 'refused';
  readonly reason: string | null;
}

/** What 汇总 wrote: the children summed (labels) and each additive cell's contributions. */
export interface RollupTrace {
  readonly sheet: string;
  readonly labels: readonly string[];
  readonly contributions: readonly Contribution[];
}

export interface RollupState {
  readonly children: readonly ChildEntry[];
  readonly busy: 'reading' | 'writing' | null;
  readonly message: SectionMessage | null;
  /** Set when 汇总 would replace this many filled cells: the user confirms or cancels. */
  readonly confirm: { readonly replaced: number } | null;
  readonly trace: RollupTrace | null;
}

export const INITIAL_ROLLUP_STATE: RollupState = {
  children: [],
  busy: null,
  message: null,
  confirm: null,
  trace: null,
};

/** The parent's year as the current report (of `format`) holds it, or null. */
export function parentYear(cells: ReadonlyMap<string, CellContent>, format: Format): number | null {
  const year = cells.get(format.cells.input('META', 'year').name);
  return year?.kind === 'number' ? year.value : null;
}

/**
 * Every chosen child with its status for a parent of `year`: the domain screening over the children that were
 * read (in the order chosen, so the first of two same agencies is the one counted); an unreadable file is refused
 * with its reason; without a year every read child waits for one.
 */
export function screenEntries(children: readonly ChildEntry[], year: number | null): ChildStatus[] {
  const read = children.filter((c) => c.read.kind === 'read');
  const facts = read.map((c) => (c.read as { facts: ChildFacts }).facts);
  const screening = year === null ? null : screenChildren(facts, year);
  const accepted = new Set(screening?.accepted.map((i) => read[i].id) ?? []);
  const refusedAt = new Map<number, string>();
  if (screening) {
    // screenChildren names the refused by label, in order: pair them back with the read children not accepted.
    const notAccepted = read.filter((c) => !accepted.has(c.id));
    notAccepted.forEach((c, i) => refusedAt.set(c.id, screening.refused[i].reason));
  }
  return children.map((c): ChildStatus => {
    const base = { id: c.id, fileName: c.fileName };
    if (c.read.kind === 'reading') return { ...base, label: c.fileName, status: 'reading', reason: null };
    if (c.read.kind === 'unreadable') return { ...base, label: c.fileName, status: 'refused', reason: c.read.reason };
    const label = c.read.facts.label;
    if (year === null) return { ...base, label, status: 'refused', reason: R.noYear };
    return accepted.has(c.id)
      ? { ...base, label, status: 'accepted', reason: null }
      : { ...base, label, status: 'refused', reason: refusedAt.get(c.id) ?? null };
  });
}

const sameNumber = (a: CellContent | undefined, b: number | null) =>
  b === null ? !a || a.kind === 'blank' : a?.kind === 'number' && a.value === b;

export class RollupController extends SectionStore<RollupState> {
  private nextId = 1;

  constructor(
    private readonly host: SpreadsheetHost,
    private readonly core: PaneCore,
  ) {
    super(INITIAL_ROLLUP_STATE);
  }

  private update(id: number, read: ChildEntry['read']): void {
    this.set({ children: this.state.children.map((c) => (c.id === id ? { ...c, read } : c)) });
  }

  /** Adds the chosen files to the list and reads each (one after another, in the order chosen). */
  async addFiles(files: readonly File[]): Promise<void> {
    const added = files.map((f) => ({ id: this.nextId++, fileName: f.name, file: f }));
    this.set({
      children: [
        ...this.state.children,
        ...added.map(({ id, fileName }): ChildEntry => ({ id, fileName, read: { kind: 'reading' } })),
      ],
      busy: 'reading',
      message: null,
      confirm: null,
    });
    try {
      const { readReportWorkbook } = await import(
        /* webpackChunkName: "previous-xlsx" */ '../previous/read-previous-workbook'
      );
      const format = this.core.format;
      for (const { id, fileName, file } of added) {
        if (!/\.xlsx$/i.test(fileName)) {
          this.update(id, { kind: 'unreadable', reason: R.badType(fileName) });
          continue;
        }
        try {
          const read = await readReportWorkbook(await readFileBytes(file), fileName, format, R.notChildTemplate);
          this.update(
            id,
            read.ok
              ? {
                  kind: 'read',
                  values: read.values,
                  facts: childFacts(fileName, read.values, read.otherFormat, format),
                }
              : { kind: 'unreadable', reason: read.reason },
          );
        } catch (e) {
          this.update(id, { kind: 'unreadable', reason: STRINGS.source.readFailed(fileName, errorText(e)) });
        }
      }
    } finally {
      this.set({ busy: null });
    }
  }

  remove(id: number): void {
    this.set({ children: this.state.children.filter((c) => c.id !== id), confirm: null, message: null });
  }

  clear(): void {
    this.set({ children: [], confirm: null, message: null, trace: null });
  }

  cancel(): void {
    this.set({ confirm: null });
  }

  /**
   * 汇总: the accepted children's sums into the current report's additive cells (blank where every child is
   * blank), then the 汇总明细 sheet under a free name. Asks first (state.confirm) when filled cells would change.
   */
  async rollup(confirmed = false): Promise<boolean> {
    if (this.state.busy !== null) return false;
    const fail = (text: string) => {
      this.set({ message: { tone: 'error', text }, confirm: null });
      return false;
    };
    const pane = this.core.getState();
    if (pane.template.kind !== 'found') return fail(R.noTemplate);
    const format = this.core.format;
    const year = parentYear(pane.cells, format);
    if (year === null) return fail(R.noYear);
    const statuses = screenEntries(this.state.children, year);
    const accepted = new Set(statuses.filter((s) => s.status === 'accepted').map((s) => s.id));
    const children: RollupChild[] = [];
    for (const c of this.state.children)
      if (accepted.has(c.id) && c.read.kind === 'read')
        children.push({ label: c.read.facts.label, values: c.read.values });
    if (children.length === 0) return fail(R.nothingToSum);
    const agencyCell = pane.cells.get(format.cells.input('META', 'agency').name) ?? BLANK;
    const agency = agencyCell.kind === 'text' ? agencyCell.text : '';
    const rollup = sumChildren(children, { agency, year }, format);
    const additive = additiveCells(format.inputCells);
    const sums = new Map<string, number | null>(
      additive.map((c) => {
        const v = rollup.values[c.index];
        return [c.name, v.kind === 'number' ? v.value : null];
      }),
    );
    const replaced = additive
      .map((c) => c.name)
      .filter((n) => {
        const now = pane.cells.get(n);
        return now !== undefined && now.kind !== 'blank' && !sameNumber(now, sums.get(n) ?? null);
      }).length;
    if (replaced > 0 && !confirmed) {
      this.set({ confirm: { replaced }, message: null });
      return false;
    }
    this.set({ busy: 'writing', confirm: null, message: null });
    try {
      const names = new Set((await this.host.listNames()).filter((n) => n.ref).map((n) => n.name));
      const write = new Map([...sums].filter(([n]) => names.has(n)));
      const sheet = freeSheetName(await this.host.sheetNames(), ROLLUP_DETAIL_SHEET);
      await this.core.writeAndRefresh(async () => {
        await this.host.writeNamedValues(write);
        await this.host.applyEdits(planRollupDetail(children, rollup, format, sheet));
      });
      const written = [...write.values()].filter((v) => v !== null).length;
      const refused = statuses.filter((s) => s.status === 'refused').length;
      this.set({
        trace: { sheet, labels: children.map((c) => c.label), contributions: rollup.contributions },
        message: { tone: 'success', text: R.done(children.length, written, sheet, refused) },
      });
      return true;
    } catch (e) {
      return fail(R.failed(errorText(e)));
    } finally {
      this.set({ busy: null });
    }
  }
}

const controllers = new WeakMap<PaneCore, RollupController>();

/** The pane's one RollupController (its list outlives a tab switch), made on first use of the tab. */
export function rollupControllerFor(host: SpreadsheetHost, core: PaneCore): RollupController {
  let c = controllers.get(core);
  if (!c) controllers.set(core, (c = new RollupController(host, core)));
  return c;
}
