// Files that pretend to be reports: a zip bomb named .xlsx, a sheet of a million cells, a password-protected
// workbook, a PDF renamed .xlsx, binary junk named .txt, an HTML page of scripts only; for the audit's isolation,
// a merge bomb, validations over every column, a page of 100k tags, a FIFO, symlink loops and devices. Written with a minimal zip
// writer so each one is exactly the hostile shape it names.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  readonly name: string;
  readonly data: Buffer;
}

/** A zip of deflated entries. */
export function zip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="年报" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="nb_agency">'年报'!$A$1</definedName></definedNames></workbook>`;

function workbook(sheetXml: Buffer): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WB_RELS) },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ]);
}

/** A sheet whose XML inflates from about 100 KB to 100 MB of zeros. */
export function zipBomb(): Buffer {
  return workbook(Buffer.alloc(100 * 1024 * 1024, 0x20));
}

/** A real sheet of `cells` numeric cells, in rows of 100 (a million cells by default). */
export function millionCells(cells = 1_000_000): Buffer {
  const rows: string[] = [];
  const letters = (n: number) => {
    let s = '';
    for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const cols = Array.from({ length: 100 }, (_, i) => letters(i));
  for (let r = 1; r <= cells / 100; r++)
    rows.push(`<row r="${r}">${cols.map((c, i) => `<c r="${c}${r}"><v>${(r * 7 + i) % 1000}</v></c>`).join('')}</row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return workbook(Buffer.from(xml));
}

/** What Excel writes for a workbook with an open password: an OLE compound file (EncryptedPackage inside). */
export function passwordProtected(): Buffer {
  const b = Buffer.alloc(4096, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from('EncryptedPackage', 'utf16le').copy(b, 1024);
  return b;
}

export function pdf(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n');
}

/** Deterministic binary junk. */
export function junk(bytes = 64 * 1024): Buffer {
  const b = Buffer.alloc(bytes);
  let x = 12345;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

export function scriptsOnly(): string {
  return `<html><head><script>for(;;){}</script></head><body><script>document.write('<table><tr><td>规章</td><td>1</td></tr></table>')</script><p>页面加载中……</p></body></html>`;
}

const worksheet = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;

/** A sheet of one cell with `count` distinct <mergeCell> elements (a "merge bomb": tiny zip, huge merge table). */
export function mergeBomb(count = 300_000): Buffer {
  const merges: string[] = [];
  for (let r = 1; r <= count; r++) merges.push(`<mergeCell ref="A${r * 2}:C${r * 2 + 1}"/>`);
  return workbook(
    Buffer.from(
      worksheet(
        `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="${count}">${merges.join('')}</mergeCells>`,
      ),
    ),
  );
}

/** A sheet of one cell whose data validations cover every cell of all 16,384 columns (A1:XFD1048576). */
export function validationOverColumns(): Buffer {
  const rules = Array.from(
    { length: 20 },
    (_, i) =>
      `<dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>${i}</formula1><formula2>${i + 100}</formula2></dataValidation>`,
  ).join('');
  return workbook(
    Buffer.from(
      worksheet(
        `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="20">${rules}</dataValidations>`,
      ),
    ),
  );
}

/** An HTML page of `tags` elements (table rows of one cell: three tags each). */
export function manyTags(tags = 100_000): string {
  const rows = Array.from({ length: Math.ceil(tags / 3) }, (_, i) => `<tr><td>${i % 10}</td></tr>`).join('');
  return `<!doctype html><html><body><table>${rows}</table></body></html>`;
}

/**
 * Paths that are not regular files but carry report names: a FIFO (a reader blocks on it forever), a symlink loop,
 * and symlinks to /dev/zero and /dev/urandom (endless reads). Returns their paths by name.
 */
export function writeSpecialFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const at = (name: string) => (out[name] = join(dir, name));
  execFileSync('mkfifo', [at('fifo.xlsx')]);
  symlinkSync('loop-b.txt', at('loop-a.txt'));
  symlinkSync('loop-a.txt', at('loop-b.txt'));
  symlinkSync('/dev/zero', at('zero.xlsx'));
  symlinkSync('/dev/urandom', at('urandom.txt'));
  return out;
}

/** Writes every hostile file into `dir`; returns their names. */
export function writeHostileFiles(dir: string): Record<string, string> {
  const files: Record<string, Buffer | string> = {
    'bomb.xlsx': zipBomb(),
    'million.xlsx': millionCells(),
    'password.xlsx': passwordProtected(),
    'renamed-pdf.xlsx': pdf(),
    'junk.txt': junk(),
    'scripts.html': scriptsOnly(),
    'empty.txt': '',
  };
  const out: Record<string, string> = {};
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, data);
    out[name] = path;
  }
  return out;
}
