// Reading the template back from any host, by names only: finds the template, says what is wrong with it if
// it cannot be read (missing names, names pointing nowhere), and returns every value with where it sits.
import type { Format } from '../format/format';
import { NAME_PREFIX, TEMPLATE_MARKER_NAME, type FormatCells } from '../layout/input-cells';
import { templateFormatOf, templateVersionOf } from '../layout/sheet-layout';
import { type CellContent } from '../model/cell-content';
import { type Finding } from '../rules/finding';
import { RULE_MESSAGES, fillTemplate } from '../rules/messages.zh-CN';
import { cellLabel } from '../rules/rule-catalog';
import type { CellReader } from './cell-reader';

/** Every name readTemplate reads of `format`: its value cells and the marker (a file reader reads them in one pass). */
export function templateReadNames(format: Format): string[] {
  return [...format.cells.valueCells.map((c) => c.name), TEMPLATE_MARKER_NAME];
}

/** The sheet of a host's "Sheet!A1" (the sheet is unquoted and may itself start with = or hold spaces and quotes). */
const sheetOfRef = (ref: string) => ref.slice(0, ref.lastIndexOf('!'));

export type TemplateRead =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly version: number | null;
      /** The format id the marker names (format-2021 for a marker without one). */
      readonly format: string;
      /** In the format's valueCells order (last year's block blank when absent). */
      readonly values: readonly CellContent[];
      /** Defined name → "Sheet!A1". */
      readonly refs: ReadonlyMap<string, string>;
      /** Findings about the template itself (cells merged away). */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly reason: string; readonly missing: readonly string[] };

/** A name with the cell it stands for in `cells` (a format's), or the bare name when it is none of them. */
export function describeName(name: string, cells: FormatCells): string {
  const cell = cells.valueCellByName.get(name);
  return cell ? `${name}（${cellLabel(cell)}）` : name;
}

/** The first five names, described, and 等 when there are more: a reason shows examples, not 200 cells. */
function someNames(names: readonly string[], describe: (name: string) => string): string {
  return `${names.slice(0, 5).map(describe).join('；')}${names.length > 5 ? ' 等' : ''}`;
}

export const REPAIR_HINT = '请在任务窗格中使用「修复」，或重新生成模板';

/** The sheet most of the names point at (the first such sheet on a tie). */
function mostUsedSheet(sheets: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const s of sheets) tally.set(s, (tally.get(s) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1])[0][0];
}

/** The report of `format` in the workbook `host` reads, by its names; refused when the marker names another format. */
export async function readTemplate(host: CellReader, format: Format): Promise<TemplateRead> {
  const inputCells = format.inputCells;
  const valueCells = format.cells.valueCells;
  const describe = (name: string) => describeName(name, format.cells);
  const names = await host.listNames();
  const refs = new Map<string, string>();
  for (const n of names) if (n.ref) refs.set(n.name, n.ref);
  const ours = names.filter((n) => n.name.startsWith(NAME_PREFIX));
  if (ours.length === 0)
    return {
      ok: false,
      reason:
        '工作簿中没有年报模板的名称（nb_template、nb_t3_… 等）：它不是由年报助手模板生成的，请先插入模板或用 nianbao template 生成',
      missing: [],
    };
  const missing = inputCells.map((c) => c.name).filter((n) => !refs.has(n));
  if (missing.length > 0) {
    const listed = new Set(names.map((n) => n.name));
    const broken = missing.filter((n) => listed.has(n));
    const absent = missing.filter((n) => !listed.has(n));
    const parts: string[] = [];
    if (broken.length)
      parts.push(
        `${broken.length} 个名称指向无效位置（工作表被删除或改名、单元格被删除）：${someNames(broken, describe)}`,
      );
    if (absent.length) parts.push(`缺少 ${absent.length} 个名称：${someNames(absent, describe)}`);
    return { ok: false, reason: `年报模板已损坏，${parts.join('；')}。${REPAIR_HINT}`, missing };
  }
  // Every input sits on the template's sheet (where the marker, or most names, point); a name re-pointed at
  // another sheet would read a stranger's cell.
  const sheetOf = (n: string) => sheetOfRef(refs.get(n)!);
  const sheet = refs.has(TEMPLATE_MARKER_NAME)
    ? sheetOf(TEMPLATE_MARKER_NAME)
    : mostUsedSheet(inputCells.map((c) => sheetOf(c.name)));
  const strays = inputCells.map((c) => c.name).filter((n) => sheetOf(n) !== sheet);
  if (strays.length > 0)
    return {
      ok: false,
      reason: `年报模板已损坏，${strays.length} 个名称指向了年报所在工作表「${sheet}」以外的位置：${someNames(
        strays,
        (n) => `${describe(n)} → ${refs.get(n)}`,
      )}。${REPAIR_HINT}`,
      missing: strays,
    };
  const wanted = valueCells.map((c) => c.name).filter((n) => refs.has(n));
  const withMarker = refs.has(TEMPLATE_MARKER_NAME) ? [...wanted, TEMPLATE_MARKER_NAME] : wanted;
  const read = await host.readNamedCells(withMarker);
  const byName = new Map(withMarker.map((n, i) => [n, read.values[i]]));
  const marker = byName.get(TEMPLATE_MARKER_NAME);
  const version = marker?.kind === 'text' ? templateVersionOf(marker.text) : null;
  const formatId = marker?.kind === 'text' ? templateFormatOf(marker.text) : format.id;
  // The marker names the format the template is of: another id is another format's (or a later program's) template,
  // whose cells `format` does not describe.
  if (formatId !== format.id)
    return {
      ok: false,
      reason: `工作簿的模板格式标识为 ${formatId}，本程序的模板只有 ${format.id}（${format.layout.basis}）：请升级年报助手后再打开`,
      missing: [],
    };
  if (version !== null && (format.version === null || version > format.version))
    return {
      ok: false,
      reason: `工作簿由更新版本的年报助手生成（模板版本 ${version}，本程序只认识到模板版本 ${format.version ?? '无'}），按旧版本读取可能读错单元格：请升级年报助手后再打开`,
      missing: [],
    };
  const rule = format.ruleById.get('template.merged')!;
  const findings: Finding[] = read.mergedAway
    .filter((n) => format.cells.valueCellByName.has(n))
    .map((n) => ({
      rule: rule.id,
      severity: rule.severity,
      key: n,
      cells: [n],
      message: fillTemplate(RULE_MESSAGES[rule.id], { cell: cellLabel(format.cells.valueCellByName.get(n)!) }),
    }));
  return {
    ok: true,
    sheet,
    version,
    format: formatId,
    values: valueCells.map((c) => byName.get(c.name) ?? { kind: 'blank' }),
    refs,
    findings,
  };
}
