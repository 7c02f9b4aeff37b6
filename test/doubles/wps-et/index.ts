// The WPS 表格 (ET) test double: `new EtDouble()` then `double.application()` is what an add-in page gets as
// `window.Application`.
export { EtDouble, type EtDoubleOptions, type Page, type Selection } from './et-double';
export type { CellModel, ConditionalFormatModel, SheetModel, ValidationModel } from './et-model';
export { MODEL } from './et-objects';
