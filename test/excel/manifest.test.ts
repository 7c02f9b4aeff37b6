// The add-in manifest, checked offline: schema-valid against the Office add-in XSDs (xmllint), a broken copy is
// rejected, every resource id resolves, every icon exists at its stated size, and the pane opens from 开始.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TOOLS, requireTool } from '../support/system-tools';

const ROOT = path.resolve(__dirname, '../..');
// Vendored in the repository (see its README), so a fresh clone validates with nothing beside it.
const SCHEMAS = path.join(ROOT, 'test', 'fixtures', 'office-addin-manifest-xsd');
const SCHEMA = path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd');
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function xmllint(args: string[], input?: string) {
  const r = spawnSync(requireTool(TOOLS.xmllint), args, { input, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

function validate(xml: string) {
  return xmllint(['--noout', '--schema', SCHEMA, '-'], xml);
}

/** XPath over the manifest, ignoring namespaces. */
function xpath(expr: string): string {
  return xmllint(['--xpath', expr, '-'], MANIFEST).stdout.trim();
}
const el = (name: string) => `*[local-name()='${name}']`;

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema', () => {
    const r = validate(MANIFEST);
    expect(r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  it.each([
    ['an unknown permission', (m: string) => m.replace('ReadWriteDocument', 'ReadEverything')],
    ['no source location', (m: string) => m.replace(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, '')],
    [
      'elements out of order',
      (m: string) =>
        m
          .replace(/<Permissions>ReadWriteDocument<\/Permissions>/, '')
          .replace('<Hosts>', '<Permissions>ReadWriteDocument</Permissions><Hosts>'),
    ],
    ['a malformed id', (m: string) => m.replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>')],
  ])('rejects a manifest with %s', (_what, breakIt) => {
    const broken = breakIt(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    expect(validate(broken).status).not.toBe(0);
  });

  it('is an Excel task pane with read/write access, zh-CN first with an en-US override', () => {
    expect(xpath(`string(/${el('OfficeApp')}/@*[local-name()='type'])`)).toBe('TaskPaneApp');
    expect(xpath(`string(//${el('Host')}/@Name)`)).toBe('Workbook');
    expect(xpath(`string(//${el('Permissions')})`)).toBe('ReadWriteDocument');
    expect(xpath(`string(//${el('DefaultLocale')})`)).toBe('zh-CN');
    expect(xpath(`string(//${el('DisplayName')}/${el('Override')}/@Locale)`)).toBe('en-US');
    expect(xpath(`string(//${el('SourceLocation')}/@DefaultValue)`)).toBe('https://localhost:3000/taskpane.html');
  });

  it('puts a 年报助手 group on the Home tab whose button shows the pane', () => {
    expect(xpath(`string(//${el('OfficeTab')}/@id)`)).toBe('TabHome');
    const groupLabel = xpath(`string(//${el('Group')}/${el('Label')}/@resid)`);
    expect(xpath(`string(//${el('ShortStrings')}/${el('String')}[@id='${groupLabel}']/@DefaultValue)`)).toBe(
      '年报助手',
    );
    expect(xpath(`string(//${el('Action')}/@*[local-name()='type'])`)).toBe('ShowTaskpane');
    const paneUrl = xpath(`string(//${el('Action')}/${el('SourceLocation')}/@resid)`);
    expect(xpath(`string(//${el('Url')}[@id='${paneUrl}']/@DefaultValue)`)).toBe(
      'https://localhost:3000/taskpane.html',
    );
    const fnFile = xpath(`string(//${el('FunctionFile')}/@resid)`);
    expect(xpath(`string(//${el('Url')}[@id='${fnFile}']/@DefaultValue)`)).toBe('https://localhost:3000/commands.html');
  });

  it('refers only to resources it defines', () => {
    const used = [...MANIFEST.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const defined = new Set([...MANIFEST.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('points at icons that exist in assets/ at the size the manifest states', () => {
    const icons = [...MANIFEST.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const [, file, size] of icons) {
      const png = readFileSync(path.join(ROOT, file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
    for (const id of ['Icon.16x16', 'Icon.32x32', 'Icon.80x80']) {
      const url = xpath(`string(//${el('Images')}/${el('Image')}[@id='${id}']/@DefaultValue)`);
      expect(url).toMatch(new RegExp(`icon-${id.split('x')[1]}\\.png$`));
    }
  });
});

describe('office-addin-manifest (the package Microsoft’s tools use), offline', () => {
  it('reads manifest.xml with its own reader, agreeing with the XPath reading above', () => {
    // In its own Node process: the package pulls ES modules that Jest's CommonJS runtime cannot load.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
      '.then((i) => process.stdout.write(JSON.stringify(i)))';
    const out = spawnSync(process.execPath, ['-e', script, path.join(ROOT, 'manifest.xml')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    const info = JSON.parse(out.stdout) as {
      manifestType?: string;
      id?: string;
      officeAppType?: string;
      hosts?: string[];
      permissions?: string;
      defaultLocale?: string;
      displayName?: string;
      version?: string;
      defaultSettings?: { sourceLocation?: string };
    };
    expect(info.manifestType).toBe('xml');
    expect(info.id).toBe(xpath(`string(//${el('Id')})`));
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.displayName).toBe('年报助手');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
    expect(info.version).toBe(xpath(`string(/${el('OfficeApp')}/${el('Version')})`));
  });

  it('npm run validate:manifest says clearly when the service is out of reach, and reports a rejection', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { describeValidation } = require('../../scripts/manifest-validation.cjs') as {
      describeValidation(o: unknown): { code: number; lines: string[] };
    };
    const offline = describeValidation(
      new Error('Unable to contact the manifest validation service.\nFetchError: getaddrinfo ENOTFOUND'),
    );
    expect(offline.code).toBe(2);
    expect(offline.lines[0]).toMatch(/^离线：无法连接微软的清单校验服务.*npx jest test\/excel\/manifest/);
    const rejected = describeValidation({
      isValid: false,
      status: 200,
      report: { status: 'Rejected', errors: [{ line: 12, title: 'Invalid Permissions', content: 'ReadEverything' }] },
    });
    expect(rejected).toEqual({
      code: 1,
      lines: ['清单没有通过微软官方校验（HTTP 200 ）。', '错误（第 12 行）：Invalid Permissions — ReadEverything'],
    });
    expect(describeValidation({ isValid: true, report: { status: 'Accepted' } })).toEqual({
      code: 0,
      lines: ['清单通过微软官方校验。'],
    });
  });
});
