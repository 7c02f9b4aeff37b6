// `npm start`'s server (scripts/start.mjs) as a browser meets it: scripts whose names carry webpack's content hash
// are cached for a year and never revalidated; everything else (index.html above all, which names the current
// hashes) is revalidated every time and answered 304 while unchanged.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { suiteTempDir } from '../support/temp-dir';

const root = resolve(__dirname, '../..');
const dir = suiteTempDir('nianbao-serve-');
let child: ChildProcess;
let base = '';

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script defer src="main.0123abcd.js"></script>');
  writeFileSync(join(dir, 'main.0123abcd.js'), 'console.log(1)');
  writeFileSync(join(dir, 'plain.js'), 'console.log(2)');
  child = spawn(process.execPath, ['scripts/start.mjs', '--dir', dir], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  base = await new Promise<string>((ok, fail) => {
    let log = '';
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /(http:\/\/\S+\/)/.exec(log);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`start.mjs exited with ${code}: ${log}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

test('a content-hashed script is immutable for a year', async () => {
  const r = await fetch(`${base}main.0123abcd.js`);
  expect(r.status).toBe(200);
  expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(r.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(await r.text()).toBe('console.log(1)');
});

test('the page and unhashed files are revalidated, and unchanged ones come back 304 without a body', async () => {
  for (const path of ['', 'plain.js']) {
    const first = await fetch(`${base}${path}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${base}${path}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  }
});

test('a changed file gets a new ETag, so the browser takes the new one', async () => {
  const before = (await fetch(`${base}plain.js`)).headers.get('etag');
  writeFileSync(join(dir, 'plain.js'), 'console.log("changed, and longer")');
  const r = await fetch(`${base}plain.js`, { headers: { 'if-none-match': before! } });
  expect(r.status).toBe(200);
  expect(await r.text()).toBe('console.log("changed, and longer")');
});

test('nothing outside the folder is served', async () => {
  const r = await fetch(`${base}..%2Fpackage.json`);
  expect(r.status).toBe(404);
});
