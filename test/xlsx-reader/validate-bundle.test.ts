// What `validate` loads: the module graph of validate-file.ts (open, read by names, evaluate, the --json shape)
// holds no ExcelJS, docx, Handlebars or React — reading a workbook needs only the reader (fflate, saxes).
import { buildSync } from 'esbuild';

it('validate-file.ts bundles without ExcelJS, docx, Handlebars or React', () => {
  const result = buildSync({
    entryPoints: ['src/cli/validate-file.ts'],
    bundle: true,
    platform: 'node',
    write: false,
    metafile: true,
    outfile: 'validate.cjs',
    logLevel: 'silent',
  });
  const packages = new Set(
    Object.keys(result.metafile.inputs)
      .filter((p) => p.includes('node_modules/'))
      .map((p) => p.split('node_modules/').pop()!.split('/')[0]),
  );
  for (const heavy of ['exceljs', 'docx', 'handlebars', 'react', 'jszip']) expect(packages).not.toContain(heavy);
  expect(packages).toEqual(new Set(['fflate', 'saxes', 'xmlchars']));
});
