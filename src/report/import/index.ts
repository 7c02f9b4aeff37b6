// Reading published reports back: the importer and the cross-year helpers built on it.
export * from './import-diagnostic';
export * from './import-report';
export * from './sections';
export * from './previous';
export { linesFromHtml } from './html-lines';
export { linesFromMarkdown, linesFromText, type SourceLine, type CellToken } from './source-lines';
export * from './decode-text';
export * from './read-document';
export { DOCX_LIMITS, linesFromDocx } from './docx-lines';
export { PDF_LIMITS } from './read-pdf';
export { linesFromPdfItems, type PdfTextItem } from './pdf-lines';
export { importedSupplement, importRecord, type SupplementValues } from './imported-supplement';
