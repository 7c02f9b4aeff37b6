// Bundles the `nianbao` command line into dist/cli/nianbao.cjs (run by `npm install` through "prepare").
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = 'src/cli/nianbao.ts';
if (!existsSync(`${root}/${entry}`)) {
  console.log(`build-cli: ${entry} not found, skipped`);
  process.exit(0);
}
await build({
  absWorkingDir: root,
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli/nianbao.cjs',
  external: ['exceljs', 'handlebars', 'docx'],
  logLevel: 'warning',
});
// The audit's worker process (src/cli/audit/worker-script.ts finds it beside the CLI bundle).
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/audit/worker.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli/audit-worker.cjs',
  external: ['exceljs', 'handlebars', 'docx'],
  logLevel: 'warning',
});
