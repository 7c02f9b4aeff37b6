// Reading published reports back: the importer and the cross-year helpers built on it.
export * from './import-diagnostic';
export * from './import-report';
export * from './sections';
export * from './previous';
export { linesFromHtml } from './html-lines';
export { linesFromText, type SourceLine, type CellToken } from './source-lines';
export * from './decode-text';
