// One handler per sheet-edit op, as a table every host fills in: a mapped type over SheetEdit['op'], so an op added
// to sheet-edit.ts fails the typecheck in each host until that host says what it does with it (even if nothing).
import type { SheetEdit, SheetEditOp } from '../report';

/** The edit of one op, narrowed: EditOf<'merge'> has `ranges`, EditOf<'values'> has `values`. */
export type EditOf<K extends SheetEditOp> = Extract<SheetEdit, { op: K }>;

/** A handler for every op; R is what a handler returns (void, or a promise for hosts that await). */
export type EditHandlers<R = void> = { readonly [K in SheetEditOp]: (edit: EditOf<K>) => R };

/** Runs the handler of the edit's op. */
export function handleEdit<R>(handlers: EditHandlers<R>, edit: SheetEdit): R {
  return (handlers[edit.op] as (e: SheetEdit) => R)(edit);
}
