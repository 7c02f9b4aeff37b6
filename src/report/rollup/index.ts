// 汇总 (roll-up): which cells add up, the sum of children, the screening, the 汇总明细 sheet.
export * from './additive';
export * from './rollup';
export * from './child-facts';
