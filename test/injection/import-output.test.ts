// `nianbao import -o` of a crafted report (issue #17 item 1): the agency and the texts it writes are string cells,
// never formulas, in the saved XML; and they read back as written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../support/run-cli';
import { suiteTempDir } from '../support/temp-dir';
import { EVIL_AGENCY, EVIL_OTHER, craftedReportText } from './crafted-report';

const dir = suiteTempDir('nianbao-inject-');

it('import -o writes the crafted agency and problems text as string cells, no <f> anywhere', async () => {
  const source = join(dir, 'crafted.txt');
  writeFileSync(source, craftedReportText());
  const out = join(dir, 'out.xlsx');
  const r = await runCli('import', source, '-o', out);
  expect(r.out).toContain(`机关名称：${EVIL_AGENCY}`);
  // The source named in the words the 导入记录 uses (one table of kinds for the CLI, the record and the audit CSV).
  expect(r.out).toContain(`文件：${source}（文本）`);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  for (const name of sheets) expect(await zip.file(name)!.async('string')).not.toMatch(/<f[ >]/);
  // The texts are in the shared strings, escaped as XML text, exactly.
  const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
  const xml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  expect(shared).toContain(`<t>${xml(EVIL_AGENCY)}</t>`);
  expect(shared).toContain(`<t>${xml(EVIL_OTHER).replace(/'/g, '&apos;')}</t>`);
  // And the CLI reads the agency back (it used to read blank: the name was lost to a formula).
  const v = await runCli('validate', out);
  expect(v.out).toContain(`机关名称：${EVIL_AGENCY}`);
});
