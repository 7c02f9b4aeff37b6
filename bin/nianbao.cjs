#!/usr/bin/env node
// The `nianbao` bin: runs the bundled CLI (built by `npm install` via "prepare"; rebuilt here if missing or stale).
const path = require('node:path');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'nianbao.cjs');
/** The newest modification time under a folder (the sources the bundle is built from). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
// Rebuilt when missing or older than a source (a developer's edit), so `npx nianbao` always runs the code as it is.
const src = path.join(root, 'src');
const stale = !fs.existsSync(bundle) || (fs.existsSync(src) && newest(src) > fs.statSync(bundle).mtimeMs);
if (stale)
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'inherit' });
const { main } = require(bundle);
// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
const io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  interactive: Boolean(process.stderr.isTTY),
};
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
