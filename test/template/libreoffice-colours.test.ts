// Every error is red in a plain .xlsx (issue #11 item 2): LibreOffice Calc opens a half-filled template, evaluates
// our conditional formats itself (no add-in running) and prints it; in the rendered page each error cell is red,
// a filled good cell is not, and a blank input has the soft fill, not the warning amber.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIGHLIGHT, INPUT_CELLS, templateAddress } from '../../src/report';
import { openWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { runCli } from '../support/run-cli';
import { convertWithLibreOffice } from '../support/libreoffice';
import { TOOLS, requireTool } from '../support/system-tools';
import { suiteTempDir } from '../support/temp-dir';

jest.setTimeout(180_000);
const dir = suiteTempDir('nianbao-lo-colours-');
const DPI = 100;

/** A binary PPM (P6) as pdftoppm writes it. */
function readPpm(file: string): { width: number; height: number; at(x: number, y: number): [number, number, number] } {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 64).toString('latin1').split(/\s+/);
  const [, w, h, max] = header;
  const width = Number(w);
  const height = Number(h);
  const offset = buf.indexOf(Buffer.from(`${max}\n`), 2) + `${max}\n`.length;
  return {
    width,
    height,
    at: (x, y) => {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [buf[i], buf[i + 1], buf[i + 2]];
    },
  };
}

/** Where each word sits on a page, in points, from pdftotext -bbox. */
function words(pdf: string, page: number): { text: string; x: number; y: number; x2: number; y2: number }[] {
  const html = execFileSync(requireTool(TOOLS.pdftotext), [
    '-bbox',
    '-f',
    String(page),
    '-l',
    String(page),
    pdf,
    '-',
  ]).toString();
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5] }));
}

const rgb = (hex: string): [number, number, number] => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as never;
const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

describe('a half-filled template rendered by LibreOffice', () => {
  const file = join(dir, 'half.xlsx');
  const pdf = join(dir, 'half.pdf');
  let errorCells: string[] = [];

  beforeAll(async () => {
    await runCli('template', '-o', file, '--agency', '某市交通运输局', '--year', '2025');
    const opened = await openWorkbookFile(file);
    if (!opened.ok) throw new Error(opened.reason);
    await opened.host.writeNamedValues(
      new Map<string, string | number>([
        // 表三 row 一: every part filled, the total wrong (1881 ≠ 3199): T3.row paints the total.
        ['nb_t3_new_person', 311],
        ['nb_t3_new_business', 312],
        ['nb_t3_new_research', 313],
        ['nb_t3_new_charity', 314],
        ['nb_t3_new_legal', 315],
        ['nb_t3_new_other', 316],
        ['nb_t3_new_total', 3199],
        // A negative count and a count with a unit: type errors on those cells.
        ['nb_t2_rule_made', -37],
        ['nb_t4_review_upheld', '2件'],
        // Fine values.
        ['nb_t2_rule_repealed', 41],
      ]),
    );
    writeFileSync(file, await opened.host.toBuffer());
    const r = await runCli('validate', file, '--json');
    errorCells = JSON.parse(r.out)
      .findings.filter((f: { severity: string }) => f.severity === 'error')
      .map((f: { cells: { ref: string }[] }) => f.cells[0].ref);
    convertWithLibreOffice(file, 'pdf', dir);
  });

  it('finds exactly the three errors the values were chosen to make', () => {
    const at = (name: string) => `年报!${templateAddress(INPUT_CELLS.find((c) => c.name === name)!)}`;
    expect([...errorCells].sort()).toEqual(
      ['nb_t2_rule_made', 'nb_t3_new_total', 'nb_t4_review_upheld'].map(at).sort(),
    );
  });

  it('paints each error cell red, and neither a good value nor a blank one', () => {
    const colourOf = (text: string): [number, number, number] => {
      for (let page = 1; page <= 3; page++) {
        const w = words(pdf, page).find((x) => x.text === text);
        if (!w) continue;
        execFileSync(requireTool(TOOLS.pdftoppm), [
          '-r',
          String(DPI),
          '-f',
          String(page),
          '-l',
          String(page),
          pdf,
          join(dir, `p${page}`),
        ]);
        const ppm = readPpm(join(dir, `p${page}-${page}.ppm`));
        // Just left of the word, at its middle: inside the cell, on its fill.
        const s = DPI / 72;
        return ppm.at((w.x - 3) * s, ((w.y + w.y2) / 2) * s);
      }
      throw new Error(`「${text}」 not on any page`);
    };
    const red = rgb(HIGHLIGHT.error.fill);
    for (const text of ['3199', '-37', '2件'])
      expect({ text, red: near(colourOf(text), red) }).toEqual({ text, red: true });
    for (const text of ['311', '41']) expect({ text, red: near(colourOf(text), red) }).toEqual({ text, red: false });
    expect(near(colourOf('311'), rgb(HIGHLIGHT.warning.fill))).toBe(false);
  });
});
