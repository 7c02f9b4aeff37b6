// Document export (.docx via the docx library, .html self-contained) of the whole report, and loading what it
// needs from a host. Host-side code: the domain (src/report) stays free of docx and node.
export * from './report-document';
export * from './export-docx';
export * from './export-html';
export * from './export-documents';
export * from './load-report';
export * from './export-gate';
