// The Excel pane's production build and what its first download weighs: the scripts taskpane.html itself loads
// (office.js comes from a CDN and is not counted), gzip level 9. Shared by `npm run bench` (bench/excel.ts) and the
// size guard (test/excel/pane-initial-size.test.ts), so both measure the same thing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Configuration, Module, Stats } from 'webpack';

/** Issue #10 item 7: the pane's initial JavaScript, gzip, at most 150 KB (KiB, as the bench counts). */
export const PANE_INITIAL_GZIP_LIMIT = 150 * 1024;

export interface PaneBuild {
  /** The output folder. */
  readonly out: string;
  /** The script files taskpane.html loads, in order. */
  readonly initial: readonly string[];
  /** The file of every module webpack put into those scripts' chunks (absolute paths). */
  readonly initialModules: readonly string[];
  readonly stats: Stats;
}

/** Builds the excel target (production, office.js from the CDN) into `out`. */
export async function buildExcelPane(root: string, out: string): Promise<PaneBuild> {
  const { default: webpack } = await import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, 'config', 'webpack.excel.cjs')) as (
    env: object,
    argv: object,
  ) => Promise<Configuration>;
  const config = await makeConfig({ OFFICE_JS: 'cdn' }, { mode: 'production' });
  config.output = { ...config.output, path: out };
  const stats = await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  // The modules of the chunks behind those scripts, looked into where webpack concatenated them (`modules`).
  const { compilation } = stats;
  const resources = (m: Module): string[] => {
    const inner = (m as Module & { modules?: Iterable<Module> }).modules;
    return inner ? [...inner].flatMap(resources) : [m.nameForCondition() ?? m.identifier()];
  };
  const initialModules = [...compilation.chunks]
    .filter((c) => [...c.files].some((f) => initial.includes(f)))
    .flatMap((c) => compilation.chunkGraph.getChunkModules(c).flatMap(resources));
  return { out, initial, initialModules, stats };
}

/** Bytes of `files` in `out`, raw or gzip -9. */
export function filesSize(out: string, files: readonly string[], gzip: boolean): number {
  return files.reduce((n, f) => {
    const b = readFileSync(path.join(out, f));
    return n + (gzip ? gzipSync(b, { level: 9 }).length : b.length);
  }, 0);
}
