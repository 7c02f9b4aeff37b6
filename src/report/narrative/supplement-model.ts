// The 补充信息 sheet read into a typed value: numbers (null when blank or not valid: the S.type rule reports those),
// the 主动公开 categories, the typed narrative parts and the stored templates.
import {
  FEE_FIELDS,
  GENERATED_SECTIONS,
  OPEN_CATEGORIES,
  OPEN_TOTAL,
  SUPERVISION_FIELDS,
  SUPPLEMENT_FIELDS,
  TEMPLATE_FIELDS,
  TEXT_FIELDS,
  TYPED_SECTIONS,
  supplementInputKind,
  type GeneratedSectionId,
  type SupplementField,
  type TypedSectionId,
} from '../layout/supplement';
import { BLANK, displayContent, type CellContent } from '../model/cell-content';
import { checkContent } from '../model/value-checks';

export interface OpenCategory {
  readonly name: string;
  readonly count: number | null;
}

export interface Supplement {
  readonly openTotal: number | null;
  /** Rows with a name or a count, in sheet order. */
  readonly categories: readonly OpenCategory[];
  readonly inspections: number | null;
  readonly trainings: number | null;
  readonly feeNotices: number | null;
  readonly feeAmount: number | null;
  readonly feeCollected: number | null;
  readonly texts: Readonly<Record<TypedSectionId, string>>;
  /** Only the templates the workbook holds; a missing one means the default. */
  readonly templates: Readonly<Partial<Record<GeneratedSectionId, string>>>;
}

export const SUPPLEMENT_NAMES: readonly string[] = SUPPLEMENT_FIELDS.map((f) => f.name);

export function emptySupplement(): Supplement {
  return supplementFromValues([]);
}

function numberOf(f: SupplementField, c: CellContent): number | null {
  if (c.kind !== 'number' || checkContent(supplementInputKind(f), c)) return null;
  return c.value;
}

function textOf(c: CellContent): string {
  return c.kind === 'blank' ? '' : displayContent(c);
}

/** Values in SUPPLEMENT_FIELDS order (as `readNamedCells(SUPPLEMENT_NAMES)` returns them). */
export function supplementFromValues(values: readonly CellContent[]): Supplement {
  const at = (f: SupplementField) => values[SUPPLEMENT_FIELDS.indexOf(f)] ?? BLANK;
  const num = (f: SupplementField) => numberOf(f, at(f));
  const categories = OPEN_CATEGORIES.map((c) => ({ name: textOf(at(c.name)).trim(), count: num(c.count) })).filter(
    // A row with neither a name nor a non-zero count is an unused row (a filled-in template writes 0 there).
    (c) => c.name !== '' || (c.count !== null && c.count !== 0),
  );
  const templates: Partial<Record<GeneratedSectionId, string>> = {};
  for (const s of GENERATED_SECTIONS) {
    const text = textOf(at(TEMPLATE_FIELDS[s.id]));
    if (text.trim() !== '') templates[s.id] = text;
  }
  return {
    openTotal: num(OPEN_TOTAL),
    categories,
    inspections: num(SUPERVISION_FIELDS.inspections),
    trainings: num(SUPERVISION_FIELDS.trainings),
    feeNotices: num(FEE_FIELDS.notices),
    feeAmount: num(FEE_FIELDS.amount),
    feeCollected: num(FEE_FIELDS.collected),
    texts: Object.fromEntries(TYPED_SECTIONS.map((s) => [s.id, textOf(at(TEXT_FIELDS[s.id]))])) as Record<
      TypedSectionId,
      string
    >,
    templates,
  };
}

/** The named values that store edited templates in the workbook (blank text = back to the default). */
export function templateValues(templates: Readonly<Partial<Record<GeneratedSectionId, string>>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of GENERATED_SECTIONS) {
    const t = templates[s.id];
    if (t !== undefined) out.set(TEMPLATE_FIELDS[s.id].name, t);
  }
  return out;
}
