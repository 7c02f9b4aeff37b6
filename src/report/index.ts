// The report core's one public entry: the 2021 format as data, the typed model, the rules and their two
// interpreters, and the template plan. Pure TypeScript; imports nothing host-side.
export * from './layout/format-2021';
export * from './layout/input-cells';
export * from './layout/sheet-layout';
export * from './layout/a1';
export * from './layout/supplement';
export * from './model/cell-content';
export * from './model/value-checks';
export * from './model/report-schema';
export * from './rules/rule';
export * from './rules/rule-catalog';
export * from './rules/finding';
export * from './rules/messages.zh-CN';
export * from './rules/evaluate-rules';
export * from './rules/to-formula';
export * from './sheet-edits/sheet-edit';
export * from './sheet-edits/plan-template';
export * from './sheet-edits/plan-repair';
export * from './sheet-edits/plan-insertion';
export * from './narrative';
export * from './dismissals';
export * from './rollup';
export * from './sheet-edits/workbook-fields';
export * from './sheet-edits/plan-highlights';
export * from './sheet-edits/widen-rules';
