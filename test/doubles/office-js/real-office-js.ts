// Office.js's own request serializer, for checking the fake's request-size estimate: the Excel library of the
// pinned @microsoft/office-js (dist/excel-web-16.00.debug.js) loaded into a bare VM context, its RequestContext
// given an executor that keeps each request body (the JSON Excel on the web receives: Actions and ObjectPaths)
// and answers with an empty success. Only writes can be measured so: a load would need a real answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const LIBRARY = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'node_modules',
  '@microsoft',
  'office-js',
  'dist',
  'excel-web-16.00.debug.js',
);

export interface RealRequest {
  /** Actions in the request, the Instantiate action of every object path included. */
  readonly actions: number;
  readonly objectPaths: number;
  /** The body's JSON length (ASCII for our arguments but Chinese labels: counted in UTF-8 bytes). */
  readonly bytes: number;
}

interface RichBody {
  Actions: unknown[];
  ObjectPaths: Record<string, unknown>;
}

/** A real Excel.RequestContext whose syncs are recorded in `requests` instead of sent. */
export function realExcelContext(): { ctx: Excel.RequestContext; requests: RealRequest[] } {
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/', search: '', hash: '' },
    document: {
      readyState: 'complete',
      addEventListener() {},
      createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
      getElementsByTagName: () => [],
      documentElement: {},
    },
    addEventListener() {},
    removeEventListener() {},
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(LIBRARY, 'utf8'), sandbox, { filename: 'excel-web-16.00.debug.js' });
  const RealExcel = sandbox.Excel as { RequestContext: new (url: string) => Excel.RequestContext };
  const ctx = new RealExcel.RequestContext('https://localhost/book');
  const requests: RealRequest[] = [];
  const internals = ctx as unknown as Record<string, unknown>;
  internals.m_requestUrlAndHeaderInfo = { url: 'https://localhost/book', headers: {} };
  internals._requestExecutor = {
    executeAsync(_data: unknown, _flags: unknown, message: { Body: RichBody }) {
      const json = JSON.stringify(message.Body);
      requests.push({
        actions: message.Body.Actions.length,
        objectPaths: Object.keys(message.Body.ObjectPaths).length,
        bytes: Buffer.byteLength(json),
      });
      return Promise.resolve({ ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results: [] } });
    },
  };
  return { ctx, requests };
}
