// `npm run build:wps` output: the files an administrator deploys, well-formed XML, bundles that parse as ES2017
// (the syntax WPS's old Chromium is assumed to take), and both pages running in real Chromium with the ET double as
// window.Application and the newer built-ins removed: the ribbon's 插入模板 from the main page, and the pane's
// insert → user edit → finding → fix → cleared loop.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { INPUT_BY_NAME } from '../../src/report';
import { launchChromium } from '../support/chromium';
import { TOOLS, requireTool } from '../support/system-tools';
import { suiteTempDir } from '../support/temp-dir';
import { parseXml, type XmlElement } from './xml-tree';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'wps');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
const ADDIN_FILES = [
  'manifest.xml',
  'index.html',
  'main.js',
  'ribbon.xml',
  'taskpane.html',
  'taskpane.js',
  'images/pane.svg',
  'images/template.svg',
  'images/check.svg',
];

const tmp = suiteTempDir('nb-wps-build-');
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

// What Kingsoft's own tooling produces, written down from its source (wpsjs 2.2.3; the same code is readable in the
// public copy github.com/laihaojie/wpsjs, src/lib/*.js) and its et template, so the package is checked against that
// and not against itself:
// - Files in the add-in folder's root that WPS fetches: manifest.xml and ribbon.xml on every start, then index.html
//   and what it loads (shared/notes/wps-addin.md §1: the et template ships ribbon.xml, index.html, main.js and
//   manifest.xml; tmustier/pi-for-excel docs/wps-support.md saw WPS request manifest.xml, ribbon.xml, index.html,
//   main.js; a field report on a real build: "每次启动宿主仍会成对拉到 manifest.xml + ribbon.xml").
// - manifest.xml: <JsPlugin> with <ApiVersion>1.0.0</ApiVersion>, <Name>, <Description> (et template; <Functions> only
//   for custom functions).
// - ribbon.xml: <customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="…"> (et template).
// - offline publish.xml: build.js CreatePublishXml(name, type, version) writes
//   <jsplugins><jsplugin name type url="<name>_<version>" version enable="enable_dev" install="null"/></jsplugins>,
//   and the folder beside it is <name>_<version> (build.js buildWithArgs, CreateCopyBat).
// - online publish.xml: debug_publish.js configPublish writes <jspluginonline name type url="<server>/"
//   enable="enable_dev" install="null"> (plus debug="" for its dev server).
// - jsplugins.xml (oem.ini JSPluginsServer route): debug_xmlplugin.js writes <jsplugins><jspluginonline name type
//   url="<server>/"/></jsplugins>.
const WPSJS = {
  rootFiles: ['manifest.xml', 'ribbon.xml', 'index.html'],
  customUiNamespace: 'http://schemas.microsoft.com/office/2006/01/customui',
  offlineEntry: (name: string, type: string, v: string) => ({
    name,
    type,
    url: `${name}_${v}`,
    version: v,
    enable: 'enable_dev',
    install: 'null',
  }),
  onlineEntry: (name: string, type: string, url: string) => ({
    name,
    type,
    url,
    enable: 'enable_dev',
    install: 'null',
  }),
  jspluginsEntry: (name: string, type: string, url: string) => ({ name, type, url }),
} as const;

const xmlOf = (f: string): XmlElement => parseXml(readFileSync(path.join(dist, f), 'utf8'));
const only = (el: XmlElement, name: string): XmlElement => {
  expect(el.children.map((c) => c.name)).toEqual([name]);
  return el.children[0];
};

describe('the package against what wpsjs produces', () => {
  it('has the files WPS fetches from the add-in root, in every package', () => {
    for (const dir of ['addin', 'online/nianbao', `offline/nianbao_${version}`])
      for (const f of WPSJS.rootFiles) expect([dir, f, existsSync(path.join(dist, dir, f))]).toEqual([dir, f, true]);
  });

  it('manifest.xml is a <JsPlugin> with ApiVersion 1.0.0, Name and Description', () => {
    const m = xmlOf('addin/manifest.xml');
    expect(m.name).toBe('JsPlugin');
    const byName = new Map(m.children.map((c) => [c.name, c.text.trim()]));
    expect([...byName.keys()]).toEqual(['ApiVersion', 'Name', 'Description']);
    expect(byName.get('ApiVersion')).toBe('1.0.0');
    expect(byName.get('Name')).toBe('nianbao');
    expect(byName.get('Description')).toMatch(/年报助手/);
  });

  it('ribbon.xml is RibbonX customUI with an onLoad callback', () => {
    const r = xmlOf('addin/ribbon.xml');
    expect(r.name).toBe('customUI');
    expect(r.attributes.xmlns).toBe(WPSJS.customUiNamespace);
    expect(r.attributes.onLoad).toBe('OnAddinLoad');
  });

  it('publish.xml and jsplugins.xml entries have the shapes wpsjs writes', () => {
    const offline = only(xmlOf('offline/publish.xml'), 'jsplugin');
    expect(offline.attributes).toEqual(WPSJS.offlineEntry('nianbao', 'et', version));
    expect(existsSync(path.join(dist, 'offline', offline.attributes.url, 'manifest.xml'))).toBe(true);
    const online = only(xmlOf('online/publish.xml'), 'jspluginonline');
    expect(online.attributes).toEqual(WPSJS.onlineEntry('nianbao', 'et', 'http://intra.example.gov.cn/nianbao/'));
    const plugins = only(xmlOf('online/jsplugins.xml'), 'jspluginonline');
    expect(plugins.attributes).toEqual(WPSJS.jspluginsEntry('nianbao', 'et', 'http://intra.example.gov.cn/nianbao/'));
    for (const f of ['offline/publish.xml', 'online/publish.xml', 'online/jsplugins.xml'])
      expect(xmlOf(f).name).toBe('jsplugins');
  });

  it('install-linux.sh installs beside other add-ins and tells the user to restart again after trusting', () => {
    const jsaddons = path.join(tmp, 'jsaddons');
    mkdirSync(jsaddons, { recursive: true });
    writeFileSync(
      path.join(jsaddons, 'publish.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1.0" version="1.0"/>\n</jsplugins>\n',
    );
    // WPS's trust record with the add-in blocked (isload false): the script must say so.
    writeFileSync(path.join(jsaddons, 'authaddin.json'), '{"et":{"nianbao":{"enable":true,"isload":false}}}');
    const out = execFileSync('sh', [path.join(dist, 'offline', 'install-linux.sh')], {
      env: { ...process.env, WPS_JSADDONS: jsaddons },
      encoding: 'utf8',
    });
    expect(out).toMatch(/再完全退出并重新打开一次/);
    expect(out).toMatch(/isload 为 false/);
    const entries = parseXml(readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8')).children;
    expect(entries.map((e) => e.attributes.name)).toEqual(['other', 'nianbao']);
    expect(existsSync(path.join(jsaddons, `nianbao_${version}`, 'manifest.xml'))).toBe(true);
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
