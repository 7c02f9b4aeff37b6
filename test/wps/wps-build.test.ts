// `npm run build:wps` output: the files an administrator deploys, well-formed XML, bundles that parse as ES2017
// (the syntax WPS's old Chromium is assumed to take), and both pages running in real Chromium with the ET double as
// window.Application and the newer built-ins removed: the ribbon's 插入模板 from the main page, and the pane's
// insert → user edit → finding → fix → cleared loop.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { INPUT_BY_NAME } from '../../src/report';
import { launchChromium } from '../support/chromium';
import { TOOLS, requireTool } from '../support/system-tools';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'wps');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
const ADDIN_FILES = [
  'index.html',
  'main.js',
  'ribbon.xml',
  'taskpane.html',
  'taskpane.js',
  'images/pane.svg',
  'images/template.svg',
  'images/check.svg',
];

let doubleBundle = '';
let browser: Browser;

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [path.join(root, 'scripts', 'build-wps.mjs'), '--url=http://intra.example.gov.cn/nianbao/'],
    {
      cwd: root,
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
  const out = await build({
    entryPoints: [path.join(__dirname, 'browser-double.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome100',
  });
  doubleBundle = out.outputFiles[0].text;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('files', () => {
  it('puts the add-in in every package: raw, online and offline', () => {
    for (const dir of ['addin', 'online/nianbao', `offline/nianbao_${version}`])
      for (const f of ADDIN_FILES) expect([dir, f, existsSync(path.join(dist, dir, f))]).toEqual([dir, f, true]);
    for (const f of [
      'online/publish.xml',
      'online/jsplugins.xml',
      'offline/publish.xml',
      'offline/install-linux.sh',
      'offline/install-windows.ps1',
      'offline/install-windows.cmd',
    ])
      expect([f, existsSync(path.join(dist, f))]).toEqual([f, true]);
    expect(existsSync(path.join(dist, 'online/nianbao/taskpane.js.map'))).toBe(false);
  });

  it('ships well-formed XML, with ribbon.xml starting at <customUI and the entries pointing at the add-in', () => {
    const xml = ['addin/ribbon.xml', 'online/publish.xml', 'online/jsplugins.xml', 'offline/publish.xml'].map((f) =>
      path.join(dist, f),
    );
    execFileSync(requireTool(TOOLS.xmllint), ['--noout', ...xml]);
    expect(readFileSync(path.join(dist, 'addin/ribbon.xml'), 'utf8').startsWith('<customUI')).toBe(true);
    expect(readFileSync(path.join(dist, 'online/publish.xml'), 'utf8')).toContain(
      '<jspluginonline name="nianbao" type="et" url="http://intra.example.gov.cn/nianbao/"',
    );
    expect(readFileSync(path.join(dist, 'offline/publish.xml'), 'utf8')).toContain(
      `<jsplugin name="nianbao" type="et" url="nianbao_${version}" version="${version}"`,
    );
  });

  it('has each page load its own bundle', () => {
    expect(readFileSync(path.join(dist, 'addin/index.html'), 'utf8')).toMatch(/<script[^>]+src="\.\/main\.js"/);
    expect(readFileSync(path.join(dist, 'addin/taskpane.html'), 'utf8')).toMatch(/<script[^>]+src="\.\/taskpane\.js"/);
  });

  it('emits no syntax newer than ES2017 in either bundle', () => {
    for (const f of ['main.js', 'taskpane.js']) {
      const src = readFileSync(path.join(dist, 'addin', f), 'utf8');
      // acorn checks regex literals against the version too (no lookbehind, named groups, \p{…} or /s).
      // Patterns built at run time with new RegExp("…") are not covered: zod builds its emoji pattern that way,
      // lazily, and we never call z.emoji().
      expect(() => parse(src, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
    }
  });
});

/** Deletes built-ins newer than Chromium ~58 before the page runs, so a missing polyfill shows as an error. */
const OLD_RUNTIME = `(() => {
  const gone = [[Array.prototype,'at'],[Array.prototype,'flat'],[Array.prototype,'flatMap'],[Array.prototype,'findLast'],
    [Array.prototype,'findLastIndex'],[Object,'fromEntries'],[Object,'hasOwn'],[String.prototype,'replaceAll'],
    [String.prototype,'at'],[String.prototype,'trimStart'],[String.prototype,'trimEnd'],[Promise,'allSettled'],
    [Promise.prototype,'finally'],[window,'structuredClone'],[window,'queueMicrotask']];
  for (const [o, k] of gone) delete o[k];
  delete Object.getPrototypeOf(crypto).randomUUID;
  delete window.globalThis;
})();`;

async function open(file: string, pageId: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(`${doubleBundle}
    window.__et = window.__makeEt();
    window.Application = window.__et.application(${JSON.stringify(pageId)});
    ${OLD_RUNTIME}`);
  await page.goto(pathToFileURL(path.join(dist, 'offline', `nianbao_${version}`, file)).href);
  return { page, errors };
}

describe('in Chromium with the ET double and an old set of built-ins', () => {
  it('main page: defines the ribbon callbacks and inserts the template from 插入模板', async () => {
    const { page, errors } = await open('index.html', 'main');
    const types = await page.evaluate(() =>
      ['OnAddinLoad', 'OnAction', 'GetImage'].map((k) => typeof (window as never)[k]),
    );
    expect(types).toEqual(['function', 'function', 'function']);
    const ribbon = readFileSync(path.join(dist, 'addin/ribbon.xml'), 'utf8');
    for (const id of [...ribbon.matchAll(/<button id="(\w+)"/g)].map((m) => m[1]))
      expect(
        await page.evaluate(
          (i) => (window as never as { GetImage(c: { Id: string }): string }).GetImage({ Id: i }),
          id,
        ),
      ).toMatch(/^images\/\w+\.svg$/);
    const result = await page.evaluate(() => {
      const w = window as never as {
        OnAction(c: { Id: string }): unknown;
        __et: { names(): unknown[]; taskPanes(): { url: string; visible: boolean }[] };
      };
      const returned = w.OnAction({ Id: 'nbInsertTemplate' });
      return { returned, names: w.__et.names().length, panes: w.__et.taskPanes() };
    });
    expect(result.returned).toBe(true); // synchronous: not a promise
    expect(result.names).toBeGreaterThan(200);
    expect(result.panes).toHaveLength(1);
    expect(result.panes[0].url).toMatch(/^file:\/\/.*\/nianbao_[\d.]+\/taskpane\.html$/);
    expect(result.panes[0].visible).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('task pane: insert → the user types 5件 → finding → 改为 5 → cleared', async () => {
    const { page, errors } = await open('taskpane.html', 'taskpane:1');
    await page.getByRole('button', { name: '去插入模板' }).click({ timeout: 20_000 });
    await page.getByRole('button', { name: '插入模板' }).click();
    await page.waitForFunction(
      () => (window as never as { __et: { names(): unknown[] } }).__et.names().length > 200,
      null,
      { timeout: 20_000 },
    );
    // A person types after the insertion, not within its grace period: wait until the pane's own-write mark has
    // expired (edit-relay.ts keeps it in PluginStorage as a deadline), a condition rather than a fixed pause.
    await page.waitForFunction(
      () => {
        const app = (window as never as { Application: { PluginStorage: { getItem(k: string): unknown } } })
          .Application;
        const mark = app.PluginStorage.getItem('nianbao.ownWrite');
        return !mark || (mark !== 'writing' && Number(mark) <= Date.now());
      },
      null,
      { timeout: 20_000 },
    );
    const countCell = [...INPUT_BY_NAME.values()].find((c) => c.kind === 'count' && c.table === 'T3')!.name;
    const typed = await page.evaluate((name) => {
      const et = (
        window as never as {
          __et: { names(): { name: string; refersTo: string }[]; userEdit(s: string, a: string, v: unknown): boolean };
        }
      ).__et;
      const ref = et
        .names()
        .find((n) => n.name === name)!
        .refersTo.replace(/^=/, '');
      const [sheet, addr] = ref.split('!');
      return et.userEdit(sheet.replace(/^'|'$/g, ''), addr.replace(/\$/g, ''), '5件');
    }, countCell);
    expect(typed).toBe(true);
    await page.getByRole('tab', { name: '校验' }).click();
    const fix = page.getByRole('button', { name: /改为 5$/ });
    await fix.waitFor({ timeout: 20_000 });
    await expect(page.getByText(/5件/).count()).resolves.toBeGreaterThan(0);
    await fix.click();
    await page.waitForFunction(
      (name) => {
        const et = (
          window as never as {
            __et: { names(): { name: string; refersTo: string }[]; valueAt(s: string, a: string): unknown };
          }
        ).__et;
        const [sheet, addr] = et
          .names()
          .find((n) => n.name === name)!
          .refersTo.replace(/^=/, '')
          .split('!');
        return et.valueAt(sheet.replace(/^'|'$/g, ''), addr.replace(/\$/g, '')) === 5;
      },
      countCell,
      { timeout: 20_000 },
    );
    await page.waitForFunction(() => !document.body.innerText.includes('5件'), null, { timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
