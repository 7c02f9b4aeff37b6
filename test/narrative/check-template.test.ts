// Hostile and broken templates are refused before they run, with a Chinese message that says where, and the
// user's text comes back unchanged.
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_LIMITS,
  checkTemplate,
  formatTemplateProblem,
  renderNarrative,
  type TemplateCheck,
} from '../../src/report';
import fc from 'fast-check';
import { emptySupplement, zero } from './fixtures';

const problems = (c: TemplateCheck) => (c.ok ? [] : c.problems);
const messages = (text: string) => problems(checkTemplate(text)).map(formatTemplateProblem);

describe('checkTemplate', () => {
  it.each(Object.entries(DEFAULT_TEMPLATES))('accepts the default %s template', (_, text) => {
    expect(problems(checkTemplate(text))).toEqual([]);
  });

  it.each([
    [
      '{{constructor.constructor}}',
      '第 1 行第 3 列：「constructor.constructor」试图访问程序内部属性「constructor」，模板不允许这样写',
    ],
    ['年度\n  {{申请.__proto__.x}}', '第 2 行第 5 列：「申请.__proto__.x」试图访问程序内部属性「__proto__」'],
    ['{{#each 申请.结果列表}}{{this.constructor}}{{/each}}', '试图访问程序内部属性「constructor」'],
    ['{{lookup 申请 "constructor"}}', '没有名为「lookup」的函数'],
    ['{{#with 申请}}{{本年新收}}{{/with}}', '不支持 {{#with}} 块'],
    ['{{> evil}}', '不支持引用子模板'],
    ['{{#* inline "p"}}x{{/inline}}', '不支持装饰器'],
    ['{{sum 申请.本年新收 by=1}}', '不支持「名称=值」形式的参数'],
    ['{{#each 申请.结果列表 as |x|}}{{x}}{{/each}}', '不支持块参数'],
  ])('refuses %j', (text, expected) => {
    const c = checkTemplate(text);
    expect(c.ok).toBe(false);
    expect(c.text).toBe(text);
    expect(messages(text).join('\n')).toContain(expected);
  });

  it('refuses #each over anything but a list, and #each inside #each (no huge or nested loops)', () => {
    expect(messages('{{#each 年度}}x{{/each}}').join()).toContain('「年度」不是列表');
    expect(messages('{{#each 申请}}x{{/each}}').join()).toContain('「申请」不是列表');
    expect(messages('{{#each 申请.结果列表}}{{#each @root.主动公开.分类}}x{{/each}}{{/each}}').join()).toContain(
      '不支持在 {{#each}} 里再嵌套 {{#each}}',
    );
  });

  it('refuses nesting deeper than the limit, at the block that is too deep', () => {
    const depth = TEMPLATE_LIMITS.depth + 1;
    const text = '{{#if 年度}}\n'.repeat(depth) + 'x' + '{{/if}}'.repeat(depth);
    const p = problems(checkTemplate(text));
    expect(p).toHaveLength(1);
    expect(formatTemplateProblem(p[0])).toBe(
      `第 ${depth} 行第 1 列：嵌套层次过深（超过 ${TEMPLATE_LIMITS.depth} 层）：请简化条件`,
    );
    const sub = `{{sum ${'(sum '.repeat(depth)}1${')'.repeat(depth)}}}`;
    expect(messages(sub).join()).toContain('嵌套层次过深');
  });

  it('refuses a template that is too long, before parsing it', () => {
    const text = '年'.repeat(TEMPLATE_LIMITS.chars + 1);
    expect(messages(text)).toEqual([
      `模板过长（${TEMPLATE_LIMITS.chars + 1} 个字符，最多 ${TEMPLATE_LIMITS.chars} 个）：请删减后再使用`,
    ]);
  });

  it('names unknown fields with a suggestion, and where they are', () => {
    expect(messages('第一行\n收到{{申请.新收}}件')).toEqual([
      '第 2 行第 5 列：「申请」中没有名为「新收」的字段（是否想写：本年新收？）',
    ]);
    expect(messages('{{申请}}')[0]).toContain('「申请」是一组数据，不能直接输出');
  });

  it('points an unclosed block at its opening {{#if}}, not at the end of the template (#11.8)', () => {
    expect(messages('共{{申请.本年新收}}件\n{{#if 申请.上年结转}}另有结转\n下一段。')).toEqual([
      '第 2 行第 1 列：这个 {{#if}} 块没有闭合：请在块的内容之后写 {{/if}}',
    ]);
    // The closed inner block is not the culprit: the outer one is.
    expect(messages('前言\n  {{#if 年度}}a\n  {{#unless 年度}}b{{/unless}}\nc')).toEqual([
      '第 2 行第 3 列：这个 {{#if}} 块没有闭合：请在块的内容之后写 {{/if}}',
    ]);
    // A closed block before it, and a block tag inside a comment, are not it either.
    expect(messages('{{#if 年度}}a{{/if}}{{!-- {{#each x}} --}}\n{{#unless 年度}}b')).toEqual([
      '第 2 行第 1 列：这个 {{#unless}} 块没有闭合：请在块的内容之后写 {{/unless}}',
    ]);
  });

  it('points a block closed by another name at its opening, and says where the wrong close is', () => {
    expect(messages('a\n{{#if 年度}}x{{/each}}')).toEqual([
      '第 2 行第 1 列：{{#if}} 块用 {{/each}} 结束（第 2 行第 12 列），二者不匹配',
    ]);
  });

  it('property: the one unclosed {{#if}} anywhere in plain text is reported at its line and column', () => {
    const plain = fc.string({ unit: fc.constantFrom('年', '报', ' ', '。', 'a', '1'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (lines, l, c) => {
        const line = l % lines.length;
        const column = c % (lines[line].length + 1);
        const closed = '{{#if 年度}}有{{/if}}';
        const text = lines
          .map((s, i) => (i === line ? `${s.slice(0, column)}{{#if 年度}}${s.slice(column)}` : `${s}${closed}`))
          .join('\n');
        expect(messages(text)).toEqual([
          `第 ${line + 1} 行第 ${column + 1} 列：这个 {{#if}} 块没有闭合：请在块的内容之后写 {{/if}}`,
        ]);
      }),
    );
  });

  it('explains other syntax errors in Chinese at the line and column they stop', () => {
    expect(messages('{{年度 }')[0]).toMatch(/^第 1 行第 \d+ 列：/);
  });

  it('keeps a refused template verbatim in the rendered narrative and renders nothing from it', () => {
    const hostile = '前面的文字\n{{constructor.constructor "return process"}}';
    const n = renderNarrative(zero(), emptySupplement(), { apply: hostile });
    expect(n.ok).toBe(false);
    expect(n.generated.apply.template).toBe(hostile);
    expect(n.generated.apply.paragraphs).toEqual([]);
    expect(n.generated.apply.problems.map(formatTemplateProblem)).toEqual([
      '第 2 行第 3 列：「constructor.constructor」试图访问程序内部属性「constructor」，模板不允许这样写',
    ]);
    // The other sections still render.
    expect(n.generated.fee.paragraphs.length).toBe(1);
  });

  it('never reaches Object.prototype even through data paths the checker allows', () => {
    const n = renderNarrative(zero(), emptySupplement(), {
      fee: '{{#each 主动公开.分类}}{{名称}}{{/each}}{{@root.年度}}',
    });
    expect(n.generated.fee.paragraphs).toEqual(['2025']);
  });
});
