// Runs a TypeScript script of ours with Node: bundles it with esbuild (dependencies stay external) into
// node_modules/.cache/run-ts/ and imports it. Usage: node scripts/run-ts.mjs path/to/script.ts [args…]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('用法：node scripts/run-ts.mjs <script.ts> [参数…]');
  process.exit(2);
}
const outDir = resolve('node_modules/.cache/run-ts');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(entry).replace(/\.tsx?$/, '')}.cjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
