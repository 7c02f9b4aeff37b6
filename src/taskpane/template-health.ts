// Is the template there, which version, and is it whole? Read from the same readNamedCells answer as the values,
// so checking health costs no extra round trip.
import { TEMPLATE_MARKER_NAME, templateVersionOf, type CellContent } from '../report';
import type { Format } from '../report/format/format';

export type TemplateHealth =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'absent' }
  | {
      readonly kind: 'found';
      /** From the marker text "模板版本 N"; null when the marker is gone or says no version. */
      readonly version: number | null;
      /** Template names the workbook lacks or that point nowhere (the marker included). */
      readonly missing: readonly string[];
      /** Input cells covered by a merge they do not start. */
      readonly mergedAway: readonly string[];
    };

/** The names that make a workbook hold the template of `format`: its inputs and the marker. */
export function templateNames(format: Format): string[] {
  return [...format.inputCells.map((c) => c.name), TEMPLATE_MARKER_NAME];
}

export function isDamaged(h: TemplateHealth): boolean {
  return h.kind === 'found' && h.missing.length + h.mergedAway.length > 0;
}

export function templateHealth(
  marker: CellContent,
  missing: readonly string[],
  mergedAway: readonly string[],
  format: Format,
): TemplateHealth {
  const names = templateNames(format);
  const lost = new Set(missing);
  const ours = new Set(names);
  const missingOurs = names.filter((n) => lost.has(n));
  if (missingOurs.length === names.length) return { kind: 'absent' };
  return {
    kind: 'found',
    version: marker.kind === 'text' ? templateVersionOf(marker.text) : null,
    missing: missingOurs,
    mergedAway: mergedAway.filter((n) => ours.has(n)),
  };
}
