// The pieces the pane's messages are made of, shared by every section: a defined name in words, a failure's text.
import { INPUT_BY_NAME, TEMPLATE_MARKER_NAME, VALUE_CELL_BY_NAME, cellLabel } from '../report';
import { STRINGS } from './strings.zh-CN';

/** The words for a defined name in a message: 表三「…」行「…」列, or the marker's description. */
export function nameLabel(name: string): string {
  if (name === TEMPLATE_MARKER_NAME) return STRINGS.template.marker;
  const cell = INPUT_BY_NAME.get(name) ?? VALUE_CELL_BY_NAME.get(name);
  return cell ? cellLabel(cell) : name;
}

/** What a host or library said when it threw. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
