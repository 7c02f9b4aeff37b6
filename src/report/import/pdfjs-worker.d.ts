// pdfjs-dist ships no types for its worker module; the importer only hands it to pdfjs as globalThis.pdfjsWorker.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
