// The narrative sections: the 补充信息 values, the template fields and helpers, rendering with the default or an
// edited template, template checking, and the N.* consistency check. The pane's API is listFields(),
// renderNarrative(report, supplement, templates) and checkTemplate(text).
export * from './supplement-model';
export * from './narrative-fields';
export * from './template-helpers';
export * from './templates.zh-CN';
export * from './check-template';
export * from './render-narrative';
export * from './chinese-numerals';
export * from './check-narrative';
export * from './narrative-rules';
