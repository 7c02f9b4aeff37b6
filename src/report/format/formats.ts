// The formats this program knows, each built by its own function. A composition root (the CLI, a pane) builds the
// one it needs once and hands it on; readers pick one by the id a template marker or an import names.
import { FORMAT_BASIS, FORMAT_ID, LAYOUT_2021 } from '../layout/format-2021';
import { FORMAT_2019_BASIS, FORMAT_2019_ID, LAYOUT_2019 } from '../layout/format-2019';
import { CELLS_2021, TEMPLATE_VERSION } from '../layout/input-cells';
import { SHEET_LAYOUT } from '../layout/sheet-layout';
import { FIELD_TREE } from '../narrative/narrative-fields';
import { describeName } from '../reading/read-template';
import { buildFormat, type Format } from './format';

/** The national format of 2021: the one the template is made of. */
export function buildFormat2021(): Format {
  return buildFormat(LAYOUT_2021, {
    version: TEMPLATE_VERSION,
    label: `2021 年版格式（${FORMAT_BASIS}）`,
    narrativeFields: FIELD_TREE,
    sheetLayout: SHEET_LAYOUT,
    // The same cell objects the callers not yet handed a Format use, so a cell found either way is one cell.
    cells: CELLS_2021,
  });
}

/** The 2019 trial format: read (imported) and audited by its own rules; no template is made of it. */
export function buildFormat2019(): Format {
  return buildFormat(LAYOUT_2019, {
    version: null,
    label: `2019 年试行版格式（${FORMAT_2019_BASIS}）`,
    narrativeFields: null,
    sheetLayout: null,
  });
}

const BUILDERS: Readonly<Record<string, () => Format>> = {
  [FORMAT_ID]: buildFormat2021,
  [FORMAT_2019_ID]: buildFormat2019,
};

/** The ids of every known format. */
export const FORMAT_IDS: readonly string[] = Object.keys(BUILDERS);

/** Builds the format of an id, or null for an id this program does not know. */
export function buildFormatById(id: string): Format | null {
  return BUILDERS[id]?.() ?? null;
}

let known: readonly Format[] | null = null;

/**
 * A name with the cell it stands for in the first known format that has it: for a reader that finds a broken name
 * before it has read the marker that says which format the workbook is of. The formats are built on first use.
 */
export function describeKnownName(name: string): string {
  known ??= Object.values(BUILDERS).map((build) => build());
  const format = known.find((f) => f.cells.valueCellByName.has(name));
  return format ? describeName(name, format.cells) : name;
}
