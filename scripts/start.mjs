// `npm start`: builds the embedded default (webpack production, target web, into dist/web/) unless the build is
// newer than every source, then serves it on http://localhost:3000 (PORT and HOST override; PORT=0 picks a free
// port). A plain node:http static server: nothing is fetched from outside, no extra dependencies.
//   node scripts/start.mjs [--build] [--no-build] [--build-only]
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

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path))
    if (!name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) t = Math.max(t, newest(join(path, name)));
  return t;
}

/** dist/web is fresh when its index.html is newer than the sources, configs and lock file that go into it. */
export function webBuildIsFresh() {
  const built = join(out, 'index.html');
  if (!existsSync(built)) return false;
  const inputs = [
    'src/report',
    'src/taskpane',
    'src/hosts',
    'config/webpack.web.cjs',
    'webpack.config.js',
    'package-lock.json',
  ];
  const t = Math.max(...inputs.map((p) => newest(join(root, p))));
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
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      // Chunk names carry a content hash; only the page itself must be fetched fresh.
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
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
  const args = new Set(process.argv.slice(2));
  const must = args.has('--build') || args.has('--build-only');
  if (must || (!args.has('--no-build') && !webBuildIsFresh())) {
    console.log('正在构建网页版（webpack production → dist/web/）…');
    const ms = await buildWeb();
    console.log(`构建完成，用时 ${(ms / 1000).toFixed(1)} 秒`);
  } else console.log('dist/web 已是最新，跳过构建（--build 强制重新构建）');
  if (args.has('--build-only')) return;
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  const { url } = await serveWeb({ port, host: process.env.HOST ?? 'localhost' });
  console.log(`年报助手网页版：${url}`);
  console.log('按 Ctrl+C 停止');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
