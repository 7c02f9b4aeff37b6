/**
 * @jest-environment jsdom
 */
// The pane's first seconds in Excel: the ES5 check shows the Chinese message on hosts that cannot run the pane
// (old webviews, old Excel, outside Office) instead of a blank pane; on a good host the shared pane is mounted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { startExcelPane } from '../../src/hosts/excel/start-pane';
import { FakeExcel } from '../doubles/office-js/fake-excel';

const DIR = path.resolve(__dirname, '../../src/hosts/excel');
const CHECK = readFileSync(path.join(DIR, 'host-check.es5.js'), 'utf8');
const PAGE = readFileSync(path.join(DIR, 'taskpane.html'), 'utf8');
const CHROMIUM_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0';

let restore: (() => void) | null = null;
beforeEach(() => {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(PAGE)![1].replace(/<script>[\s\S]*?<\/script>/, '');
  delete (window as unknown as Record<string, unknown>).__nianbaoUnsupported;
  delete (window as unknown as Record<string, unknown>).__nianbaoHostCheck;
});
afterEach(() => {
  restore?.();
  restore = null;
});

function runCheck(ua: string) {
  Object.defineProperty(window.navigator, 'userAgent', { value: ua, configurable: true });
  new Function(CHECK)();
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const visible = (id: string) => document.getElementById(id)!.style.display === 'block';

describe('host check before the bundle', () => {
  it('is plain ES5, so IE11 can run it', () => {
    expect(() => parse(CHECK, { ecmaVersion: 5 })).not.toThrow();
  });

  it.each([
    ['IE11 (Trident)', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko'],
    ['EdgeHTML', 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/70.0 Safari/537.36 Edge/18.19041'],
  ])('shows the message at once in %s', (_name, ua) => {
    runCheck(ua);
    expect(visible('nb-unsupported')).toBe(true);
    expect(visible('nb-unsupported-webview')).toBe(true);
    expect(document.getElementById('root')!.style.display).toBe('none');
    expect(document.getElementById('nb-unsupported')!.textContent).toMatch(/Microsoft 365.*Excel 2021.*网页版/s);
  });
});

describe('startExcelPane', () => {
  it('mounts the pane with an ExcelHost on ExcelApi 1.7 or later', async () => {
    const fake = new FakeExcel({ apiVersion: '1.7' });
    restore = fake.install();
    runCheck(CHROMIUM_UA);
    const mounted: unknown[] = [];
    const outcome = await startExcelPane({ mount: (el, host) => mounted.push([el.id, host.constructor.name]) });
    expect(outcome).toBe('mounted');
    expect(mounted).toEqual([['root', 'ExcelHost']]);
    expect(visible('nb-unsupported')).toBe(false);
  });

  it('shows the upgrade message on Excel with ExcelApi 1.6 and mounts nothing', async () => {
    const fake = new FakeExcel({ apiVersion: '1.6' });
    restore = fake.install();
    runCheck(CHROMIUM_UA);
    const mount = jest.fn();
    expect(await startExcelPane({ mount })).toBe('api');
    await flush();
    expect(mount).not.toHaveBeenCalled();
    expect(visible('nb-unsupported-api')).toBe(true);
    expect(document.getElementById('nb-unsupported')!.textContent).toMatch(/ExcelApi 1\.7/);
  });

  it('tells the user to open it from Excel when the page is opened outside Office', async () => {
    const fake = new FakeExcel();
    restore = fake.install();
    (Office as unknown as { onReady: () => Promise<unknown> }).onReady = () =>
      Promise.resolve({ host: null, platform: null });
    runCheck(CHROMIUM_UA);
    expect(await startExcelPane({ mount: jest.fn() })).toBe('outside');
    expect(visible('nb-unsupported-outside')).toBe(true);
  });

  it('says in Chinese when the host cannot start', async () => {
    const fake = new FakeExcel();
    restore = fake.install();
    runCheck(CHROMIUM_UA);
    const outcome = await startExcelPane({
      mount: jest.fn(),
      createHost: () => Promise.reject(new Error('读取名称失败')),
    });
    expect(outcome).toBe('failed');
    expect(document.getElementById('root')!.textContent).toMatch(/年报助手启动失败：读取名称失败/);
  });
});
