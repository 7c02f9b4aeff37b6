// `npm start`: builds the embedded default (webpack production, target web, into dist/web/) unless the build is
// newer than every source, then serves it on http://localhost:3000 (PORT and HOST override; PORT=0 picks a free
// port). A plain node:http static server: nothing is fetched from outside, no extra dependencies.
//   node scripts/start.mjs [--build] [--no-build] [--build-only] [--dir <folder>]
// (--dir serves another built folder as it is, e.g. the bench's bare Univer page; it implies --no-build.)
// Caching: every script and stylesheet webpack writes carries a content hash in its name, so those are served as
// immutable for a year; anything without a hash (index.html, a bench page's files) must be revalidated, and is
// answered 304 when unchanged (ETag from size and time).
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const out = join(root, 'dist', 'web');
const require = createRequire(import.meta.url);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A name webpack gave a content hash (hashedOutput in config/webpack.common.cjs: name.[contenthash:8].js). */
const HASHED = /\.[0-9a-f]{8}\.(js|css|wasm)$/;

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path))
    if (!name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) t = Math.max(t, newest(join(path, name)));
  return t;
}

/**
 * dist/web is fresh when its index.html is newer than the sources, configs and lock file that go into it: every
 * folder of src/ but the command line's (the page's entry is src/apps/web, and it reaches src/report,
 * src/taskpane, src/hosts and src/export), tests left out. `at` points elsewhere for the tests.
 */
export function webBuildIsFresh(at = { root, out }) {
  const built = join(at.out, 'index.html');
  if (!existsSync(built)) return false;
  const sources = readdirSync(join(at.root, 'src'))
    .filter((d) => d !== 'cli')
    .map((d) => join('src', d));
  const inputs = [
    ...sources,
    'config/webpack.web.cjs',
    'config/webpack.common.cjs',
    'webpack.config.js',
    'package-lock.json',
  ];
  const t = Math.max(...inputs.map((p) => newest(join(at.root, p))));
  return statSync(built).mtimeMs > t;
}

export async function buildWeb() {
  const webpack = require('webpack');
  const config = await require(join(root, 'config', 'webpack.web.cjs'))({}, { mode: 'production' });
  const started = Date.now();
  await new Promise((resolveBuild, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      const warnings = stats.toJson({ all: false, warnings: true }).warnings ?? [];
      if (warnings.length) console.warn(`webpack: ${warnings.length} warning(s)`);
      resolveBuild();
    });
  });
  return Date.now() - started;
}

export function serveWeb({ port = 3000, host = 'localhost', dir = out } = {}) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!(file === base || file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    const stat = statSync(file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const immutable = HASHED.test(file);
    const headers = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
    };
    if (!immutable && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveListen({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 ? resolve(argv[dirAt + 1] ?? '') : out;
  const must = args.has('--build') || args.has('--build-only');
  if (dirAt >= 0) console.log(`提供目录 ${dir}（不构建）`);
  else if (must || (!args.has('--no-build') && !webBuildIsFresh())) {
    console.log('正在构建网页版（webpack production → dist/web/）…');
    const ms = await buildWeb();
    console.log(`构建完成，用时 ${(ms / 1000).toFixed(1)} 秒`);
  } else console.log('dist/web 已是最新，跳过构建（--build 强制重新构建）');
  if (args.has('--build-only')) return;
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  const { url } = await serveWeb({ port, host: process.env.HOST ?? 'localhost', dir });
  console.log(`年报助手网页版：${url}`);
  console.log('按 Ctrl+C 停止');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
