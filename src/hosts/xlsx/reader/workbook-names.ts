// xl/workbook.xml and its relationships: the sheets (name → part), the defined names as stored (with their
// scope), and the date system. Read whole (a few KB), within the read's limits.
import { LIMIT_REASONS, refuse } from './limits';
import { streamXml, type XmlSource } from './xml-stream';
import type { ZipEntry } from './zip-entries';

export interface SheetPart {
  readonly name: string;
  /** The zip entry of the sheet's XML, or null when the relationship is missing. */
  readonly path: string | null;
}

export interface StoredName {
  readonly name: string;
  /** The definition as stored (e.g. "'年报'!$I$24" or "#REF!"). */
  readonly text: string;
  /** The sheet (index into sheets) a sheet-level name belongs to; absent for a workbook-level name. */
  readonly localSheetId?: number;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  readonly names: readonly StoredName[];
  readonly date1904: boolean;
}

/** The attribute whose local name is `local` (r:id may carry any prefix). */
function attrByLocalName(attrs: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const k in attrs) if (k === local || k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/** "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml" to the zip entry name. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function readRelationships(source: XmlSource, entry: ZipEntry | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!entry) return targets;
  streamXml(source, entry, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Id && attrs.Target && attrs.TargetMode !== 'External')
        targets.set(attrs.Id, resolveTarget(attrs.Target));
    },
    close() {},
    done: () => false,
  });
  return targets;
}

export function readWorkbookParts(source: XmlSource, entries: ReadonlyMap<string, ZipEntry>): WorkbookParts {
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) return refuse('压缩包里没有 xl/workbook.xml，不是 Excel 工作簿');
  const rels = readRelationships(source, entries.get('xl/_rels/workbook.xml.rels'));
  const limits = source.budget.limits;
  const sheets: SheetPart[] = [];
  const names: StoredName[] = [];
  let date1904 = false;
  let current: { name: string; localSheetId?: number; text: string } | null = null;
  streamXml(source, workbook, {
    open(name, attrs) {
      if (name === 'sheet') {
        const id = attrByLocalName(attrs, 'id');
        sheets.push({ name: attrs.name ?? '', path: (id && rels.get(id)) ?? null });
      } else if (name === 'workbookPr') {
        date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      } else if (name === 'definedName') {
        if (names.length >= limits.names) refuse(LIMIT_REASONS.names(limits.names));
        const local = attrs.localSheetId;
        current = {
          name: attrs.name ?? '',
          text: '',
          ...(local !== undefined && /^\d{1,5}$/.test(local) ? { localSheetId: Number(local) } : {}),
        };
      }
    },
    text(t) {
      if (!current) return;
      current.text += t;
      if (current.text.length > limits.nameChars)
        refuse(LIMIT_REASONS.nameChars(current.name, current.text.length, limits.nameChars));
    },
    close(name) {
      if (name === 'definedName' && current) {
        if (current.name) names.push(current);
        current = null;
      }
    },
    done: () => false,
  });
  return { sheets, names, date1904 };
}
