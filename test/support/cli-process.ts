// Runs `nianbao` as its own process, for what an in-process run cannot show: a user without the root's powers
// (permissions are real for uid 65534), or a system limit that makes a write fail (RLIMIT_FSIZE → EFBIG).
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');

/** Bundles src/cli/nianbao.ts into `dir` (readable by anyone), as scripts/build-cli.mjs does. */
export function buildCli(dir: string): string {
  const outfile = join(dir, 'nianbao.cjs');
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/nianbao.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['exceljs', 'handlebars', 'docx'],
    logLevel: 'error',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

export interface ProcessRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the bundle with `args`. `uid`: run as that user (the test runs as root, whom permissions do not stop).
 * `fileSizeKb`: the shell's `ulimit -f` for the process, with SIGXFSZ ignored so a write past it fails with EFBIG
 * as a full disk's would with ENOSPC.
 */
export function runCliProcess(
  bundle: string,
  args: readonly string[],
  options: { uid?: number; fileSizeKb?: number } = {},
): ProcessRun {
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
  const r =
    options.fileSizeKb !== undefined
      ? spawnSync(
          'bash',
          ['-c', `trap '' XFSZ; ulimit -f ${options.fileSizeKb}; exec "$0" "$@"`, process.execPath, bundle, ...args],
          { env, encoding: 'utf8', timeout: 60_000 },
        )
      : spawnSync(process.execPath, [bundle, ...args], {
          env,
          encoding: 'utf8',
          timeout: 60_000,
          ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
        });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
