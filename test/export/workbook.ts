// A real .xlsx as a user's would be: the template and the 补充信息 sheet written by the xlsx host, then filled in.
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { ALL_VALUE_CELLS, planSupplement, planTemplate, plainValue, type CellContent } from '../../src/report';

export async function filledWorkbook(
  values: readonly CellContent[],
  supplement: Readonly<Record<string, string | number>> = {},
  options: { withSupplement?: boolean } = {},
): Promise<Buffer> {
  const host = new XlsxHost();
  await host.applyEdits(planTemplate());
  const withSupplement = options.withSupplement ?? true;
  if (withSupplement) await host.applyEdits(planSupplement());
  const named = new Map<string, string | number | null>();
  ALL_VALUE_CELLS.forEach((c, i) => {
    // The 补充信息 sheet gets only what `supplement` gives: a user leaves most of it blank.
    if (c.table === 'SUP') return;
    if (c.name.startsWith('nb_prev_')) return;
    const v = values[i] ? plainValue(values[i]) : null;
    if (v !== null && typeof v !== 'boolean') named.set(c.name, v);
  });
  if (withSupplement) for (const [id, v] of Object.entries(supplement)) named.set(`nb_sup_${id}`, v);
  await host.writeNamedValues(named);
  return host.toBuffer();
}
