// The template's names read exactly or refused: a name defined twice, a sheet-level name of the same spelling,
// a name over a range, several areas, a whole column or row, or a cell of another workbook cannot say which one
// cell to read. Each refusal names the name, the cell it stands for, and where it points.
import { NAME_PREFIX } from '../../../report/layout/input-cells';
import { describeKnownName as describeName } from '../../../report/format/formats';
import { REPAIR_HINT } from '../../../report/reading/read-template';
import { nameTarget } from './name-target';
import type { SheetPart, StoredName } from './workbook-names';

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** The first problem among the template's names, as a sentence; null when each names one cell of this workbook. */
export function nameProblem(names: readonly StoredName[], sheets: readonly SheetPart[]): string | null {
  const globals = new Map<string, StoredName[]>();
  const locals = new Map<string, StoredName[]>();
  for (const n of names) {
    if (!n.name.startsWith(NAME_PREFIX)) continue;
    const into = n.localSheetId === undefined ? globals : locals;
    into.set(n.name, [...(into.get(n.name) ?? []), n]);
  }
  for (const [name, defs] of globals)
    if (defs.length > 1)
      return `年报模板的名称 ${describeName(name)} 在工作簿中定义了 ${defs.length} 次（${defs
        .map((d) => shown(d.text))
        .join('；')}），无法确定应读取哪一个单元格。请在「公式 → 名称管理器」中删除多余的定义，或重新生成模板`;
  for (const [name, defs] of locals) {
    const d = defs[0];
    const sheet = sheets[d.localSheetId!]?.name ?? `第 ${d.localSheetId! + 1} 个工作表`;
    const global = globals.get(name)?.[0];
    if (global)
      return `年报模板的名称 ${describeName(name)} 除工作簿级的定义（${shown(global.text)}）外，还有一个同名的工作表级名称（仅用于工作表「${sheet}」，${shown(d.text)}），无法确定应读取哪一个单元格。请在「公式 → 名称管理器」中删除工作表级的那一个`;
    return `年报模板的名称 ${describeName(name)} 是仅用于工作表「${sheet}」的工作表级名称（${shown(d.text)}），模板的名称应为工作簿级。${REPAIR_HINT}`;
  }
  for (const [name, [def]] of globals) {
    const t = nameTarget(def.text);
    const what = `年报模板的名称 ${describeName(name)}`;
    switch (t.kind) {
      case 'range':
        return `${what} 指向区域 ${t.sheet}!${t.range}，而不是单个单元格，无法确定应读取哪一个单元格。${REPAIR_HINT}`;
      case 'areas':
        return `${what} 指向多个区域（${shown(def.text)}），而不是单个单元格。${REPAIR_HINT}`;
      case 'column':
        return `${what} 指向整列（${t.sheet}!${t.range}），而不是单个单元格。${REPAIR_HINT}`;
      case 'row':
        return `${what} 指向整行（${t.sheet}!${t.range}），而不是单个单元格。${REPAIR_HINT}`;
      case 'external':
        return `${what} 指向另一个工作簿中的单元格（${shown(def.text)}），模板的名称只能指向本工作簿。${REPAIR_HINT}`;
      default:
        break;
    }
  }
  return null;
}
