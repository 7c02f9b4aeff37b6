// Serializable edits a host applies to a sheet. The domain plans them (plan-template.ts); each host adapter
// turns the list into its cheapest form (one Office.js batch, WPS Value2 arrays, Univer commands, ExcelJS calls).
// Ranges are A1 on the named sheet; colours are RGB hex without '#'.
import type { Severity } from '../rules/rule';

export interface CellFormat {
  readonly font?: { readonly name?: string; readonly size?: number; readonly bold?: boolean; readonly color?: string };
  readonly fill?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  readonly wrap?: boolean;
  /** Thin black border on every edge of every cell in the range. */
  readonly border?: boolean;
  readonly numberFormat?: string;
  /** Protection flag; labels stay locked (the default), inputs are unlocked. */
  readonly locked?: boolean;
}

export interface HighlightStyle {
  readonly fill: string;
  readonly fontColor: string;
}

/** What a conditional format marks: a broken error rule, a broken warning rule, or a blank input still to fill. */
export type HighlightKind = Severity | 'blank';

export const HIGHLIGHT: Readonly<Record<HighlightKind, HighlightStyle>> = {
  error: { fill: 'FFC7CE', fontColor: '9C0006' },
  warning: { fill: 'FFEB9C', fontColor: '9C5700' },
  /** A soft blue-grey, unlike the warning amber: a blank is a to-do, not a fault (the sheet's note says so). */
  blank: { fill: 'EEF3FA', fontColor: '404040' },
};

/** Plan order and priority: errors first so red wins over amber, and both over the blank fill. */
export const HIGHLIGHT_ORDER: readonly HighlightKind[] = ['error', 'warning', 'blank'];

export interface ValidationRule {
  readonly type: 'whole' | 'decimal';
  readonly min: number;
  readonly max: number;
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle: string;
  readonly error: string;
}

/**
 * In a `values` edit, a cell to leave as it is: never written, never cleared (a label block skips the inputs).
 * Not the CLEAR_CELL of SpreadsheetHost.writeNamedValues, which empties a named cell.
 */
export const KEEP_CELL = null;

export type SheetEdit =
  /** `hidden`: a sheet the user need not see (上年数据, plan-previous.ts); hosts without hidden sheets show it. */
  | { readonly op: 'addSheet'; readonly sheet: string; readonly hidden?: boolean }
  | { readonly op: 'columnWidths'; readonly sheet: string; readonly first: number; readonly widths: readonly number[] }
  | { readonly op: 'rowHeights'; readonly sheet: string; readonly first: number; readonly heights: readonly number[] }
  /** A rectangular block of values; KEEP_CELL leaves a cell as it is (never clears). */
  | {
      readonly op: 'values';
      readonly sheet: string;
      readonly range: string;
      readonly values: readonly (readonly (string | number | typeof KEEP_CELL)[])[];
    }
  | { readonly op: 'merge'; readonly sheet: string; readonly ranges: readonly string[] }
  | { readonly op: 'format'; readonly sheet: string; readonly ranges: readonly string[]; readonly format: CellFormat }
  | { readonly op: 'defineName'; readonly name: string; readonly sheet: string; readonly range: string }
  | {
      readonly op: 'conditionalFormat';
      readonly sheet: string;
      readonly ranges: readonly string[];
      /** Without the leading '='; uses only defined names. */
      readonly formula: string;
      readonly style: HighlightKind;
      /** 1 = first; errors come before warnings so red wins over amber, and both before the blank fill. */
      readonly priority: number;
      /** The style and the cell's name (e.g. error:nb_t3_total_total), so a repair can tell which rules exist. */
      readonly id: string;
      /** Formulas of our earlier rules this one supersedes (deleted first, like a rule with the same formula). */
      readonly replaces?: readonly string[];
    }
  | {
      readonly op: 'validation';
      readonly sheet: string;
      readonly ranges: readonly string[];
      readonly rule: ValidationRule;
    }
  | {
      readonly op: 'pageSetup';
      readonly sheet: string;
      readonly printArea: string;
      readonly rowBreaks: readonly number[];
      readonly orientation: 'portrait' | 'landscape';
      readonly fitToWidth: number;
      /** Margins in inches. */
      readonly margins: {
        readonly left: number;
        readonly right: number;
        readonly top: number;
        readonly bottom: number;
      };
    }
  | { readonly op: 'protect'; readonly sheet: string };

export type SheetEditOp = SheetEdit['op'];
