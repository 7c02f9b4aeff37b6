// The slice of the WPS 表格 (ET) JS object model this add-in uses, typed by hand from et-jsapi-declare 2.5.0 and the
// WPS docs (shared/notes/wps-addin.md). Every member access is a synchronous cross-process call in real WPS.
// Enumerations are plain numbers: `Application.Enum` is not guaranteed to exist.

export const XL = {
  expression: 2, // XlFormatConditionType.xlExpression
  validateWholeNumber: 1,
  validateDecimal: 2,
  validAlertWarning: 2, // the reference writer (xlsx) uses errorStyle 'warning': the user may keep the value
  between: 1,
  continuous: 1,
  thin: 2,
  edges: [7, 8, 9, 10, 11, 12], // xlEdgeLeft, Top, Bottom, Right, InsideVertical, InsideHorizontal
  solid: 1,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  sheetHidden: 0, // XlSheetVisibility.xlSheetHidden: the user can unhide it
  dockRight: 2, // MsoCTPDockPosition.msoCTPDockPositionRight
} as const;

export interface EtInterior {
  Color: number;
  Pattern: number;
}
export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Color: number;
}
export interface EtBorder {
  LineStyle: number;
  Weight: number;
  Color: number;
}
export interface EtFormatCondition {
  readonly Interior: { Color: number };
  readonly Font: { Color: number };
  readonly Formula1: string;
  readonly Priority: number;
  SetLastPriority(): void;
  Delete(): void;
}
export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
  IgnoreBlank: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

export interface EtRange {
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  /** Scalar for one cell, 2-D row-major array otherwise. */
  Value2: unknown;
  /** Formula text for formula cells, the value as text otherwise. Same shape as Value2. */
  Formula: unknown;
  NumberFormat: string;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Locked: boolean;
  ColumnWidth: number;
  RowHeight: number;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: { Item(index: number): EtBorder };
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly FormatConditions: {
    readonly Count: number;
    Item(index: number): EtFormatCondition;
    Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
  };
  readonly Validation: EtValidation;
  Merge(across?: boolean): void;
  Select(): void;
  Activate(): void;
}

export interface EtPageSetup {
  PrintArea: string;
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
}

export interface EtWorksheet {
  Name: string;
  /** Every cell of the sheet (its FormatConditions are all the sheet's rules). */
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Protect(...args: unknown[]): void;
  Unprotect(password?: string): void;
  readonly ProtectContents: boolean;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: { Add(before: EtRange): unknown };
  /** -1 visible, 0 hidden (xlSheetHidden), 2 very hidden. */
  Visible: number;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  readonly RefersTo: unknown;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtPluginStorage {
  setItem(key: string, value: string): void;
  getItem(key: string): string | null | undefined;
  removeItem(key: string): void;
}

export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Navigate(url: string): void;
}

export type EtListener = (...args: unknown[]) => void;

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  readonly Workbooks: { Add(): EtWorkbook };
  readonly ActiveWindow: { DisplayGridlines: boolean } | null | undefined;
  EnableEvents: boolean;
  ScreenUpdating: boolean;
  /** False while we delete a sheet we built, so WPS does not ask (the user never asked for it). */
  DisplayAlerts: boolean;
  readonly ApiEvent: {
    AddApiEventListener(event: string, fn: EtListener | string): unknown;
    RemoveApiEventListener(event: string, fn?: EtListener | string): unknown;
  };
  readonly PluginStorage: EtPluginStorage;
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null | undefined;
}

/** `window.Application` in an add-in page; older builds expose it as `wps.EtApplication().Application`. */
export function findApplication(scope: unknown): EtApplication | null {
  const g = scope as {
    Application?: EtApplication;
    wps?: { EtApplication?: () => { Application?: EtApplication } };
  } | null;
  if (!g) return null;
  if (g.Application) return g.Application;
  const legacy = g.wps?.EtApplication?.();
  return legacy?.Application ?? null;
}

/** #RRGGBB (without '#') to the BGR long ET colours take: R + G·256 + B·65536. */
export function bgr(rgb: string): number {
  if (!/^[0-9a-fA-F]{6}$/.test(rgb)) throw new Error(`无法识别的颜色：${rgb}（应为 6 位十六进制 RGB 值）`);
  const n = parseInt(rgb, 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}
