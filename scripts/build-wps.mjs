// npm run build:wps — builds the WPS 表格 add-in (config/webpack.wps.cjs → dist/wps/addin/) and packages it:
//   dist/wps/online/nianbao/          files to put on any intranet HTTP(S) server
//   dist/wps/online/publish.xml       the <jspluginonline> entry each user's jsaddons/publish.xml needs
//   dist/wps/online/jsplugins.xml     the same entry for the oem.ini JSPluginsServer route
//   dist/wps/offline/nianbao_<ver>/   the folder to copy into jsaddons (no server needed)
//   dist/wps/offline/publish.xml      its <jsplugin> entry, plus install scripts for Windows and Linux
// The online URL comes from --url=http://host/path/ or WPS_ADDIN_URL (a placeholder otherwise). See docs/wps.md.
// The add-in folder holds what WPS fetches from its root (manifest.xml, ribbon.xml, index.html → main.js) plus the
// pane; the entries below have the shapes Kingsoft's wpsjs writes (build.js CreatePublishXml for <jsplugin>,
// debug_publish.js for <jspluginonline>, debug_xmlplugin.js for jsplugins.xml), checked by test/wps/wps-build.test.ts.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const webpack = require('webpack');
const makeConfig = require(path.join(root, 'config', 'webpack.wps.cjs'));

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const NAME = 'nianbao';
const VERSION = pkg.version;
const FOLDER = `${NAME}_${VERSION}`;
const urlArg = process.argv.find((a) => a.startsWith('--url='))?.slice('--url='.length);
let url = urlArg ?? process.env.WPS_ADDIN_URL ?? 'http://服务器地址/nianbao/';
if (!url.endsWith('/')) url += '/';

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const config = await makeConfig({}, { mode: 'production' });
const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
if (stats.hasErrors()) {
  console.error(stats.toString('errors-only'));
  process.exit(1);
}

const dist = path.join(root, 'dist', 'wps');
const addin = path.join(dist, 'addin');
for (const d of ['online', 'offline']) rmSync(path.join(dist, d), { recursive: true, force: true });

// Source maps stay in dist/wps/addin for debugging; the packages carry only what WPS loads.
const copyAddin = (to) => cpSync(addin, to, { recursive: true, filter: (src) => !src.endsWith('.map') });

// ---- online
const online = path.join(dist, 'online');
copyAddin(path.join(online, NAME));
const onlineEntry = `<jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}" enable="enable_dev" install="null"/>`;
writeFileSync(
  path.join(online, 'publish.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${onlineEntry}\n</jsplugins>\n`,
);
writeFileSync(
  path.join(online, 'jsplugins.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}"/>\n</jsplugins>\n`,
);

// ---- offline
const offline = path.join(dist, 'offline');
copyAddin(path.join(offline, FOLDER));
const offlineEntry = `<jsplugin name="${NAME}" type="et" url="${FOLDER}" version="${VERSION}" enable="enable_dev" install="null"/>`;
writeFileSync(
  path.join(offline, 'publish.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${offlineEntry}\n</jsplugins>\n`,
);
const fill = (text) =>
  text.replaceAll('@NAME@', NAME).replaceAll('@FOLDER@', FOLDER).replaceAll('@ENTRY@', offlineEntry);
const templates = path.join(root, 'wps', 'install');
mkdirSync(offline, { recursive: true });
writeFileSync(
  path.join(offline, 'install-linux.sh'),
  fill(readFileSync(path.join(templates, 'install-linux.sh'), 'utf8')),
);
chmodSync(path.join(offline, 'install-linux.sh'), 0o755);
// PowerShell 5 reads a script without a BOM in the ANSI code page, which garbles Chinese messages.
writeFileSync(
  path.join(offline, 'install-windows.ps1'),
  '\ufeff' + fill(readFileSync(path.join(templates, 'install-windows.ps1'), 'utf8')),
);
writeFileSync(
  path.join(offline, 'install-windows.cmd'),
  fill(readFileSync(path.join(templates, 'install-windows.cmd'), 'utf8')).replace(/\r?\n/g, '\r\n'),
);
// The install templates are not part of the add-in itself.
for (const d of [addin, path.join(online, NAME), path.join(offline, FOLDER)])
  rmSync(path.join(d, 'install'), { recursive: true, force: true });

console.log(`build:wps: ${path.relative(root, dist)}/{addin,online,offline} (version ${VERSION}, online URL ${url})`);
