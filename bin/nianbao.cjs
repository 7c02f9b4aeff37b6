#!/usr/bin/env node
// The `nianbao` bin: runs the bundled CLI (built by `npm install` via "prepare"; rebuilt here if missing).
const path = require('node:path');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'nianbao.cjs');
if (!fs.existsSync(bundle))
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
