// The handler table: each edit reaches the handler of its own op, in plan order, and a table that leaves an op out
// does not typecheck (the @ts-expect-error below fails `npm run typecheck` the day it stops being an error).
import { planInsertion, type SheetEdit, type SheetEditOp } from '../report';
import { handleEdit, type EditHandlers } from './edit-handlers';

const OPS: readonly SheetEditOp[] = [
  'addSheet',
  'columnWidths',
  'rowHeights',
  'values',
  'merge',
  'format',
  'defineName',
  'conditionalFormat',
  'validation',
  'pageSetup',
  'protect',
];

function recorder(seen: [string, SheetEdit][]): EditHandlers<string> {
  const table = {} as Record<SheetEditOp, (e: SheetEdit) => string>;
  for (const op of OPS)
    table[op] = (e) => {
      seen.push([op, e]);
      return op;
    };
  return table as EditHandlers<string>;
}

describe('handleEdit', () => {
  it('hands every edit of a template plan to the handler of its op, in order, returning what it returns', () => {
    const { edits } = planInsertion({ sheets: [], names: [] }, { agency: '某某县人民政府办公室', year: 2025 });
    const seen: [string, SheetEdit][] = [];
    const handlers = recorder(seen);
    const returned = edits.map((e) => handleEdit(handlers, e));
    expect(seen.map(([op]) => op)).toEqual(edits.map((e) => e.op));
    expect(seen.map(([, e]) => e)).toEqual(edits);
    expect(returned).toEqual(edits.map((e) => e.op));
    // The plan uses all eleven ops, so each handler above was reached.
    expect(new Set(returned)).toEqual(new Set(OPS));
  });

  it('refuses, at compile time, a table that leaves an op out', () => {
    const noop = () => undefined;
    // @ts-expect-error 'protect' has no handler
    const partial: EditHandlers = {
      addSheet: noop,
      columnWidths: noop,
      rowHeights: noop,
      values: noop,
      merge: noop,
      format: noop,
      defineName: noop,
      conditionalFormat: noop,
      validation: noop,
      pageSetup: noop,
    };
    expect(Object.keys(partial)).not.toContain('protect');
  });
});
