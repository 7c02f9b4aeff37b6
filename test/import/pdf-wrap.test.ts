// A number wider than its cell wraps onto two lines of the cell in LibreOffice's PDF (「18911」 printed as 「1891」 over
// 「1」, centred on the row's baseline). The pieces are joined back into the number on the row's baseline; anything
// that is not such a run (a table row below, a label between, a wider piece) is left as printed. The fixtures are
// LibreOffice's PDFs of the exporter's .docx of randomReportValues(seeded(n)) (a sample of `npm run accuracy`'s
// 200 round trips), so the expected values come from the generator. random-1051 also has 四's prose break a line
// right after a number (「被申请行政复议 14608」 / 「件，…」), which is not a cell of 表四.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument, linesFromPdfItems, type PdfTextItem } from '../../src/report/import';
import { joinWrappedNumbers } from '../../src/report/import/pdf-lines';
import { FIXTURES_DIR } from '../support/fixtures-dir';
import { randomReportValues, seeded } from './random-report';
import { cellDifferences } from './round-trip-support';

describe('LibreOffice PDFs of random reports read back exactly', () => {
  it.each([
    ['random-1000.pdf', 1000],
    ['random-1035-wrapped.pdf', 1035],
    ['random-1043-wrapped.pdf', 1043],
    ['random-1051-prose-number.pdf', 1051],
  ])('%s', async (file, seed) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'import-pdf', file)));
    const r = await importDocument(bytes, file);
    if (!r.ok) throw new Error(r.problem);
    expect(cellDifferences(r.result.values, randomReportValues(seeded(seed)))).toEqual([]);
    expect(r.result.diagnostics.filter((d) => d.level === 'warning' && d.table !== null)).toEqual([]);
  });
});

const item = (str: string, x: number, y: number, width = str.length * 5.7): PdfTextItem => ({
  str,
  x,
  y,
  width,
  height: 9,
});
const texts = (items: readonly PdfTextItem[]) => linesFromPdfItems([items]).map((l) => l.text);

describe('joinWrappedNumbers', () => {
  // The row of random-1035's 表四 as pdfjs gives it (x, baseline; font size 9; pieces 11.2 apart).
  const row = [
    item('0', 297.7, 489.6),
    item('1891', 318.6, 495.2),
    item('1', 327.2, 484.0),
    item('1892', 348.1, 495.2),
    item('0', 356.6, 484.0),
    item('4', 386.1, 489.6),
  ];

  it('joins a centred wrap on the row baseline', () => {
    expect(texts(row)).toEqual(['0    18911 18920    4']);
    const joined = joinWrappedNumbers(row);
    expect(joined.map((i) => [i.str, i.y])).toEqual([
      ['0', 489.6],
      ['18911', 489.6],
      ['18920', 489.6],
      ['4', 489.6],
    ]);
  });

  it('joins a wrap in a cell aligned top: the first piece is on the row baseline', () => {
    const top = [
      item('行政许可', 80, 500, 36),
      item('1234', 300, 500),
      item('56', 303, 488.8),
      item('规章', 80, 470, 18),
    ];
    expect(texts(top)).toEqual(['行政许可    123456', '规章']);
  });

  it('leaves apart what is not one cell wrapped', () => {
    // A table row below (one row height, 1.6 font sizes), a label between, a piece wider than the first.
    expect(texts([item('12', 300, 500), item('34', 300, 485.6)])).toEqual(['12', '34']);
    expect(texts([item('12', 300, 500), item('其他', 80, 488.8, 18), item('3', 302, 488.8)])).toEqual([
      '12',
      '其他    3',
    ]);
    expect(texts([item('12', 300, 500), item('34567', 295, 488.8)])).toEqual(['12', '34567']);
    // A piece outside the first one's extent: the next column's number on the next line.
    expect(texts([item('12', 300, 500), item('3', 340, 488.8)])).toEqual(['12', '3']);
  });
});
