// The field list the template editor offers, grouped by the first part of the path (申请, 复议, …), and what a
// click inserts: {{字段}}, an #each block for a list, {{名称}} for a field of a list item.
import { listFields, type FieldInfo } from '../../report';

export interface FieldGroup {
  readonly name: string;
  readonly fields: readonly FieldInfo[];
}

/** Fields sharing their first path part form a group; single fields (年度, 机关名称) share the first group. */
export function fieldGroups(fields: readonly FieldInfo[] = listFields()): FieldGroup[] {
  const groups: { name: string; fields: FieldInfo[] }[] = [];
  for (const f of fields) {
    const top = f.path.includes('.') ? f.path.split('.')[0] : '';
    const group = groups.find((g) => g.name === top) ?? groups[groups.push({ name: top, fields: [] }) - 1];
    group.fields.push(f);
  }
  return groups;
}

export interface Snippet {
  readonly text: string;
  /** Where the caret goes within the text (inside an #each block, so the item fields can follow). */
  readonly caret: number;
}

export function snippetFor(field: FieldInfo): Snippet {
  if (field.kind === 'list') {
    const open = `{{#each ${field.path}}}`;
    return { text: `${open}{{/each}}`, caret: open.length };
  }
  const item = field.path.split('[].');
  const text = `{{${item.length > 1 ? item[1] : field.path}}}`;
  return { text, caret: text.length };
}

/** The text with the snippet replacing the selection [start, end), and where the caret goes after it. */
export function insertSnippet(
  text: string,
  start: number,
  end: number,
  snippet: Snippet,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet.text + text.slice(to), caret: from + snippet.caret };
}
