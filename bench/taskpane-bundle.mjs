// Size of the shared task pane as a browser bundle (React, Fluent UI and the report core; no office.js, no host):
// esbuild, minified, production React. Prints raw and gzip bytes and the biggest contributors.
// Usage: node bench/taskpane-bundle.mjs
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const say = (line) => process.stdout.write(`${line}\n`);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [path.join(root, 'src/taskpane/mount.tsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  metafile: true,
  outfile: 'pane.js',
  logLevel: 'silent',
});
const code = result.outputFiles[0].contents;
const gz = gzipSync(code, { level: 9 }).length;
const byPackage = new Map();
for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
  const inModules = file.split('node_modules/')[1];
  const key = inModules
    ? inModules
        .split('/')
        .slice(0, inModules.startsWith('@') ? 2 : 1)
        .join('/')
    : file.split('/').slice(0, 3).join('/');
  byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
}
say(`taskpane bundle: ${code.length} bytes minified, ${gz} bytes gzip (target ≤ ${150 * 1024})`);
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12))
  say(`  ${name.padEnd(36)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB minified`);
