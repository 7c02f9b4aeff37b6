// Where the audit worker's script is. In the bundled CLI it sits beside the bundle (dist/cli/audit-worker.cjs);
// run from the sources (jest, bench) it is bundled on first use with esbuild into node_modules/.cache, named by
// its content's hash so that concurrent runs share or never clash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const BUNDLED_WORKER = 'audit-worker.cjs';
const SOURCE = join('src', 'cli', 'audit', 'worker.ts');

/** The repository root when running from sources: where src/cli/audit/worker.ts is. */
function sourceRoot(): string | null {
  for (const root of [resolve(__dirname, '..', '..', '..'), process.cwd()])
    if (existsSync(join(root, SOURCE))) return root;
  return null;
}

let built: Promise<string> | null = null;

async function bundleFromSources(root: string): Promise<string> {
  // Not imported statically: esbuild is a build tool, present from sources, never needed by the bundled CLI.
  const esbuild = createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(root, 'node_modules', '.cache', 'nianbao-audit-worker');
  const file = join(dir, `worker-${hash}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  }
  return file;
}

/** The script a worker process runs. */
export function workerScript(): Promise<string> {
  const beside = join(__dirname, BUNDLED_WORKER);
  if (__filename.endsWith('.cjs') && existsSync(beside)) return Promise.resolve(beside);
  const root = sourceRoot();
  if (!root) return Promise.reject(new Error(`找不到检查进程的程序文件 ${beside}，请重新安装或运行 npm run build:cli`));
  built ??= bundleFromSources(root);
  return built;
}
