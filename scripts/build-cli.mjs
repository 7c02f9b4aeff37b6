// Bundles the `nianbao` command line into dist/cli/nianbao.cjs (run by `npm install` through "prepare").
// Start-up is part of what a user waits for (`nianbao validate` on one file), so nothing runs before a command
// needs it: src/cli/nianbao.ts loads each command through import(), which esbuild turns into modules initialised on
// first use, and the large packages the report core imports by default (Handlebars for the narrative, ExcelJS)
// stay outside the bundle behind a stand-in that requires the real package on first property access.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = 'src/cli/nianbao.ts';

/** Packages required only when first used. Our code must take them as a default import (a default binding, never named ones). */
export const LAZY_PACKAGES = ['exceljs', 'handlebars'];
/** Packages left outside the bundle and required where they are imported. */
const EXTERNAL = ['docx', 'pdfjs-dist'];

/** Resolves a default import of such a package to a Proxy that requires 'pkg' on first use (esbuild plugin). */
const lazyRequire = {
  name: 'lazy-require',
  setup(b) {
    const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-require'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy-require' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-require' }, (args) => ({
      loader: 'js',
      contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
  has: (_, key) => key in load(),
});`,
    }));
  },
};

/** The CLI bundle, and beside it the audit's worker process (src/cli/audit/worker-script.ts looks there). */
export async function buildCli(outfile = 'dist/cli/nianbao.cjs') {
  outfile = resolve(root, outfile);
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    plugins: [lazyRequire],
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: ['src/cli/audit/worker.ts'],
    outfile: join(dirname(outfile), 'audit-worker.cjs'),
  });
  return build({ ...common, entryPoints: [entry], outfile });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(`${root}/${entry}`)) {
    console.log(`build-cli: ${entry} not found, skipped`);
    process.exit(0);
  }
  // An optional output path (tests build a bundle of their own): node scripts/build-cli.mjs [outfile]
  await buildCli(process.argv[2]);
}
