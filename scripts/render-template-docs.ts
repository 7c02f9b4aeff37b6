// Renders the template as LibreOffice prints it, one PNG per page, into docs/: the seed sample's figures with one
// total made wrong on purpose, so the red highlight shows. Needs soffice and pdftoppm (Debian libreoffice-calc,
// poppler-utils). Run: node scripts/run-ts.mjs scripts/render-template-docs.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_CELLS, planTemplate, plainValue } from '../src/report';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { gaoxinqu2021 } from '../test/support/report-values';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-docs-'));
  const host = new XlsxHost();
  await host.applyEdits(planTemplate());
  const values = gaoxinqu2021();
  const fill = new Map(INPUT_CELLS.map((c) => [c.name, plainValue(values[c.index]) as string | number | null]));
  fill.set('nb_t3_total_total', 3); // wrong on purpose: 1 + 1 ≠ 3
  await host.writeNamedValues(fill);
  const xlsx = join(dir, 'template.xlsx');
  writeFileSync(xlsx, await host.toBuffer());
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
    { stdio: 'pipe' },
  );
  execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'template.pdf'), join(dir, 'page')]);
  for (const f of readdirSync(dir).filter((x) => x.startsWith('page-'))) {
    const n = Number(/page-0*(\d+)\.png/.exec(f)![1]);
    renameSync(join(dir, f), join('docs', `template-page-${n}.png`));
    console.log(`docs/template-page-${n}.png`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
