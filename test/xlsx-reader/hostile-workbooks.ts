// Workbooks built the way an attacker would (#13): a merge bomb, data validations over whole columns, millions of
// rows or of "/" cells, a defined name crafted to make a regular expression backtrack, shared strings nested
// thousands deep. Each is a real zip of real parts (minimal writer in test/audit/hostile-files.ts); `scale` sets
// how big, so a test builds them just past the limits and the bench at the sizes the issue reports.
import { zip } from '../audit/hostile-files';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Parts {
  readonly sheet: string;
  readonly names?: string;
  readonly strings?: string;
}

/** A one-sheet workbook (年报, with nb_agency on A1) around the given sheet XML, names and shared strings. */
function workbook(parts: Parts): Buffer {
  const names = parts.names ?? `<definedName name="nb_agency">'年报'!$A$1</definedName>`;
  const files = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="年报" sheetId="1" r:id="rId1"/></sheets><definedNames>${names}</definedNames></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: parts.sheet },
    ...(parts.strings ? [{ name: 'xl/sharedStrings.xml', data: parts.strings }] : []),
  ];
  return zip(files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })));
}

const sheetXml = (data: string, after = '') =>
  `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${data}</sheetData>${after}</worksheet>`;

const A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>某市卫生健康委员会</t></is></c></row>';

/** `merges` merged ranges (one per row, A:B), the shape that took ExcelJS past 2 minutes and 3.2 GB. */
export function mergeBomb(merges = 1_000_000): Buffer {
  const ranges = new Array<string>(merges);
  for (let i = 0; i < merges; i++) ranges[i] = `<mergeCell ref="A${i + 2}:B${i + 2}"/>`;
  return workbook({ sheet: sheetXml(A1, `<mergeCells count="${merges}">${ranges.join('')}</mergeCells>`) });
}

/** Data validations over whole columns, `columns` of them (ExcelJS expands each over every cell). */
export function validationOverColumns(columns = 16_384): Buffer {
  const rules = new Array<string>(columns);
  for (let i = 0; i < columns; i++) {
    let col = '';
    for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) col = String.fromCharCode(65 + ((c - 1) % 26)) + col;
    rules[i] =
      `<dataValidation type="whole" operator="greaterThanOrEqual" sqref="${col}1:${col}1048576"><formula1>0</formula1></dataValidation>`;
  }
  return workbook({ sheet: sheetXml(A1, `<dataValidations count="${columns}">${rules.join('')}</dataValidations>`) });
}

/** `rows` rows of one number each below the named cell. */
export function manyRows(rows = 2_000_000): Buffer {
  const out = new Array<string>(rows);
  for (let r = 0; r < rows; r++) out[r] = `<row r="${r + 2}"><c r="A${r + 2}"><v>1</v></c></row>`;
  return workbook({ sheet: sheetXml(A1 + out.join('')) });
}

/** `cells` cells holding the shared string "/", 26 to a row. */
export function slashCells(cells = 3_500_000): Buffer {
  const rows: string[] = [];
  for (let r = 0; r * 26 < cells; r++) {
    let row = `<row r="${r + 2}">`;
    for (let c = 0; c < 26 && r * 26 + c < cells; c++)
      row += `<c r="${String.fromCharCode(65 + c)}${r + 2}" t="s"><v>0</v></c>`;
    rows.push(`${row}</row>`);
  }
  return workbook({
    sheet: sheetXml(A1 + rows.join('')),
    strings: `<?xml version="1.0"?><sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>/</t></si></sst>`,
  });
}

/**
 * A defined name of `length` characters made of quotes, the input on which a reference pattern with nested
 * alternatives in quotes backtracks (ExcelJS's col-cache decodeEx: 38 s).
 */
export function craftedName(length = 100_000): Buffer {
  const text = `'${"''".repeat(Math.floor(length / 2))}`;
  return workbook({
    sheet: sheetXml(A1),
    names: `<definedName name="nb_agency">'年报'!$A$1</definedName><definedName name="nb_year">${text}</definedName>`,
  });
}

/** A shared string whose item nests `depth` rich runs inside one another (and a <t> before <r>, which ExcelJS cannot take). */
export function nestedSharedStrings(depth = 100_000): Buffer {
  const si = `<si><t>某</t>${'<r>'.repeat(depth)}<t>市</t>${'</r>'.repeat(depth)}</si>`;
  return workbook({
    sheet: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
    strings: `<?xml version="1.0"?><sst xmlns="${NS}" count="1" uniqueCount="1">${si}</sst>`,
  });
}

/** Every hostile workbook by file name, at the given scale (1 = the sizes). */
export function hostileWorkbooks(scale = 1): Record<string, () => Buffer> {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    'merge-bomb.xlsx': () => mergeBomb(n(1_000_000)),
    'validation-columns.xlsx': () => validationOverColumns(n(16_384)),
    'rows-2m.xlsx': () => manyRows(n(2_000_000)),
    'slash-cells.xlsx': () => slashCells(n(3_500_000)),
    'crafted-name.xlsx': () => craftedName(Math.min(30_000, n(100_000))),
    'nested-strings.xlsx': () => nestedSharedStrings(n(100_000)),
  };
}
