// Reading the template back from any host, by names only: finds the template, says what is wrong with it if
// it cannot be read (missing names, names pointing nowhere), and returns every value with where it sits.
import {
  ALL_VALUE_CELLS,
  INPUT_CELLS,
  NAME_PREFIX,
  RULE_BY_ID,
  RULE_MESSAGES,
  TEMPLATE_MARKER_NAME,
  VALUE_CELL_BY_NAME,
  cellLabel,
  fillTemplate,
  splitSheetRef,
  templateVersionOf,
  type CellContent,
  type Finding,
} from '../report';
import type { SpreadsheetHost } from './spreadsheet-host';

export type TemplateRead =
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly version: number | null;
      /** In ALL_VALUE_CELLS order (last year's block blank when absent). */
      readonly values: readonly CellContent[];
      /** Defined name → "Sheet!A1". */
      readonly refs: ReadonlyMap<string, string>;
      /** Findings about the template itself (cells merged away). */
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly reason: string; readonly missing: readonly string[] };

export function describeName(name: string): string {
  const cell = VALUE_CELL_BY_NAME.get(name);
  return cell ? `${name}（${cellLabel(cell)}）` : name;
}

export async function readTemplate(host: SpreadsheetHost): Promise<TemplateRead> {
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
  const missing = INPUT_CELLS.map((c) => c.name).filter((n) => !refs.has(n));
  if (missing.length > 0) {
    const broken = missing.filter((n) => names.some((x) => x.name === n));
    const absent = missing.filter((n) => !broken.includes(n));
    const parts: string[] = [];
    if (broken.length)
      parts.push(
        `${broken.length} 个名称指向无效位置（工作表被删除或改名、单元格被删除）：${broken.slice(0, 5).map(describeName).join('；')}${broken.length > 5 ? ' 等' : ''}`,
      );
    if (absent.length)
      parts.push(
        `缺少 ${absent.length} 个名称：${absent.slice(0, 5).map(describeName).join('；')}${absent.length > 5 ? ' 等' : ''}`,
      );
    return {
      ok: false,
      reason: `年报模板已损坏，${parts.join('；')}。请在任务窗格中使用「修复」，或重新生成模板`,
      missing,
    };
  }
  // Every input sits on the template's sheet (where the marker, or most names, point); a name re-pointed at
  // another sheet would read a stranger's cell.
  const sheetOf = (n: string) => splitSheetRef(refs.get(n)!)!.sheet;
  const tally = new Map<string, number>();
  for (const c of INPUT_CELLS) tally.set(sheetOf(c.name), (tally.get(sheetOf(c.name)) ?? 0) + 1);
  const sheet = refs.has(TEMPLATE_MARKER_NAME)
    ? sheetOf(TEMPLATE_MARKER_NAME)
    : [...tally].sort((a, b) => b[1] - a[1])[0][0];
  const strays = INPUT_CELLS.map((c) => c.name).filter((n) => sheetOf(n) !== sheet);
  if (strays.length > 0)
    return {
      ok: false,
      reason: `年报模板已损坏，${strays.length} 个名称指向了年报所在工作表「${sheet}」以外的位置：${strays
        .slice(0, 5)
        .map((n) => `${describeName(n)} → ${refs.get(n)}`)
        .join('；')}${strays.length > 5 ? ' 等' : ''}。请在任务窗格中使用「修复」，或重新生成模板`,
      missing: strays,
    };
  const wanted = ALL_VALUE_CELLS.map((c) => c.name).filter((n) => refs.has(n));
  const withMarker = refs.has(TEMPLATE_MARKER_NAME) ? [...wanted, TEMPLATE_MARKER_NAME] : wanted;
  const read = await host.readNamedCells(withMarker);
  const byName = new Map(withMarker.map((n, i) => [n, read.values[i]]));
  const marker = byName.get(TEMPLATE_MARKER_NAME);
  const rule = RULE_BY_ID.get('template.merged')!;
  const findings: Finding[] = read.mergedAway
    .filter((n) => VALUE_CELL_BY_NAME.has(n))
    .map((n) => ({
      rule: rule.id,
      severity: rule.severity,
      key: n,
      cells: [n],
      message: fillTemplate(RULE_MESSAGES[rule.id], { cell: cellLabel(VALUE_CELL_BY_NAME.get(n)!) }),
    }));
  return {
    ok: true,
    sheet,
    version: marker?.kind === 'text' ? templateVersionOf(marker.text) : null,
    values: ALL_VALUE_CELLS.map((c) => byName.get(c.name) ?? { kind: 'blank' }),
    refs,
    findings,
  };
}
