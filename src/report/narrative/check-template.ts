// Refuses a template before it runs: it may only read the fields of narrative-fields.ts, call the helpers of
// template-helpers.ts and the blocks #if, #unless, #each (over a list, not nested); no partials, decorators, block
// parameters or hash arguments; bounded length and nesting. Every problem names its line and column in Chinese.
// The user's text is never changed here: the result carries it back verbatim.
import Handlebars from 'handlebars';
import { FIELD_TREE, type FieldNode } from './narrative-fields';
import { TEMPLATE_HELPERS } from './template-helpers';

export const TEMPLATE_LIMITS = {
  /** Characters of template text (a default template is under 1,500). */
  chars: 8000,
  /** Blocks and subexpressions inside one another. */
  depth: 8,
  /** Characters of rendered text per section. */
  output: 20000,
} as const;

export interface TemplateProblem {
  /** 1-based; 0 when the problem is the whole text. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type TemplateCheck =
  | { readonly ok: true; readonly text: string; readonly ast: hbs.AST.Program }
  | { readonly ok: false; readonly text: string; readonly problems: readonly TemplateProblem[] };

const BLOCKS = new Set(['if', 'unless', 'each']);
/** Names that reach into JavaScript objects; refused by name so the message says why. */
const FORBIDDEN = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'valueOf',
  'toString',
  'call',
  'apply',
  'bind',
]);
const DATA_VARS = new Set(['index', 'first', 'last']);

type Fields = Readonly<Record<string, FieldNode | { readonly kind: 'number' | 'text'; readonly label: string }>>;

interface Scope {
  readonly fields: Fields;
  readonly inEach: boolean;
}

class Problems {
  readonly list: TemplateProblem[] = [];
  add(node: hbs.AST.Node | null, message: string): void {
    const line = node?.loc?.start.line ?? 0;
    const column = node?.loc ? node.loc.start.column + 1 : 0;
    this.list.push({ line, column, message });
  }
}

/** Closest field names, for "did you mean". */
function suggest(name: string, fields: Fields): string[] {
  const chars = new Set(name);
  return Object.keys(fields)
    .map((k) => ({ k, score: [...k].filter((c) => chars.has(c)).length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.k);
}

function describe(path: hbs.AST.PathExpression): string {
  return path.original;
}

class TemplateChecker {
  private readonly problems = new Problems();

  constructor(private readonly root: Fields) {}

  check(program: hbs.AST.Program): TemplateProblem[] {
    this.program(program, [{ fields: this.root, inEach: false }], 0);
    return this.problems.list;
  }

  private program(p: hbs.AST.Program | undefined, scopes: Scope[], depth: number): void {
    if (!p) return;
    if (p.blockParams?.length) this.problems.add(p, '不支持块参数（as |…|）：请直接写字段名');
    for (const s of p.body) this.statement(s, scopes, depth);
  }

  private statement(s: hbs.AST.Statement, scopes: Scope[], depth: number): void {
    switch (s.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(s as hbs.AST.MustacheStatement, scopes, depth);
      case 'BlockStatement':
        return this.block(s as hbs.AST.BlockStatement, scopes, depth);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.problems.add(s, '不支持引用子模板（{{> …}}）：请把内容直接写在模板里');
      default:
        return this.problems.add(s, '不支持装饰器（{{* …}}）等高级写法');
    }
  }

  private tooDeep(node: hbs.AST.Node, depth: number): boolean {
    if (depth < TEMPLATE_LIMITS.depth) return false;
    this.problems.add(node, `嵌套层次过深（超过 ${TEMPLATE_LIMITS.depth} 层）：请简化条件`);
    return true;
  }

  private noHash(node: { hash?: hbs.AST.Hash } & hbs.AST.Node): void {
    if (node.hash?.pairs.length) this.problems.add(node, '不支持「名称=值」形式的参数：请按顺序写参数');
  }

  private mustache(m: hbs.AST.MustacheStatement, scopes: Scope[], depth: number): void {
    this.noHash(m);
    if (m.path.type !== 'PathExpression') {
      if (m.params.length) this.problems.add(m, '这里应是字段名或函数名');
      return;
    }
    const path = m.path as hbs.AST.PathExpression;
    const name = path.original;
    if (m.params.length > 0 || this.isHelper(path)) {
      if (!this.isHelper(path)) return this.unknownHelper(path);
      for (const p of m.params) this.expression(p, scopes, depth + 1);
      return;
    }
    const node = this.resolve(path, scopes);
    if (node && node.kind !== 'number' && node.kind !== 'text')
      this.problems.add(
        path,
        `「${name}」是一组数据，不能直接输出：请写出其中的具体字段，或用 {{#each}}、{{items}} 列出`,
      );
  }

  private block(b: hbs.AST.BlockStatement, scopes: Scope[], depth: number): void {
    if (this.tooDeep(b, depth)) return;
    this.noHash(b);
    const path = b.path as hbs.AST.PathExpression;
    const name = path.original;
    if (b.path.type !== 'PathExpression' || !BLOCKS.has(name)) {
      this.problems.add(b, `不支持 {{#${name}}} 块：只能使用 {{#if}}、{{#unless}} 和 {{#each}}`);
      return;
    }
    if (b.params.length !== 1) {
      this.problems.add(b, `{{#${name}}} 后面应写且只写一个条件或字段`);
      return;
    }
    const param = b.params[0];
    if (name === 'each') {
      const inner = this.eachScope(b, param, scopes);
      this.program(b.program, inner ? [...scopes, inner] : scopes, depth + 1);
      this.program(b.inverse, scopes, depth + 1);
      return;
    }
    this.expression(param, scopes, depth + 1);
    this.program(b.program, scopes, depth + 1);
    this.program(b.inverse, scopes, depth + 1);
  }

  private eachScope(b: hbs.AST.BlockStatement, param: hbs.AST.Expression, scopes: Scope[]): Scope | null {
    if (scopes[scopes.length - 1].inEach) {
      this.problems.add(b, '不支持在 {{#each}} 里再嵌套 {{#each}}');
      return null;
    }
    if (param.type !== 'PathExpression') {
      this.problems.add(b, '{{#each}} 后面应写一个列表字段，如「申请.结果列表」');
      return null;
    }
    const node = this.resolve(param as hbs.AST.PathExpression, scopes);
    if (!node) return null;
    if (node.kind !== 'list') {
      this.problems.add(param, `「${(param as hbs.AST.PathExpression).original}」不是列表，{{#each}} 只能用于列表字段`);
      return null;
    }
    return { fields: node.item, inEach: true };
  }

  private expression(e: hbs.AST.Expression, scopes: Scope[], depth: number): void {
    switch (e.type) {
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
      case 'UndefinedLiteral':
      case 'NullLiteral':
        return;
      case 'PathExpression':
        this.resolve(e as hbs.AST.PathExpression, scopes);
        return;
      case 'SubExpression': {
        const sub = e as hbs.AST.SubExpression;
        if (this.tooDeep(sub, depth)) return;
        this.noHash(sub);
        const path = sub.path as hbs.AST.PathExpression;
        if (sub.path.type !== 'PathExpression' || !this.isHelper(path)) return this.unknownHelper(path);
        for (const p of sub.params) this.expression(p, scopes, depth + 1);
        return;
      }
      default:
        this.problems.add(e, '无法识别的写法');
    }
  }

  private isHelper(path: hbs.AST.PathExpression): boolean {
    return (
      !path.data &&
      path.depth === 0 &&
      path.parts.length === 1 &&
      path.original === path.parts[0] &&
      Object.prototype.hasOwnProperty.call(TEMPLATE_HELPERS, path.parts[0])
    );
  }

  private unknownHelper(path: hbs.AST.PathExpression): void {
    const name = path?.original ?? '';
    if (path?.parts?.some((p) => FORBIDDEN.has(p) || p.startsWith('__'))) {
      this.resolve(path, []);
      return;
    }
    if (BLOCKS.has(name)) return this.problems.add(path, `「${name}」只能写成块 {{#${name} …}}…{{/${name}}}`);
    this.problems.add(path, `没有名为「${name}」的函数。可用的函数：${Object.keys(TEMPLATE_HELPERS).join('、')}`);
  }

  /** The field a path names, or null after reporting why it names none. */
  private resolve(path: hbs.AST.PathExpression, scopes: Scope[]): FieldNode | Fields[string] | null {
    for (const part of path.parts)
      if (FORBIDDEN.has(part) || part.startsWith('__')) {
        this.problems.add(path, `「${describe(path)}」试图访问程序内部属性「${part}」，模板不允许这样写`);
        return null;
      }
    let parts = path.parts;
    let fields: Fields;
    if (path.data) {
      if (parts[0] === 'root') {
        fields = this.root;
        parts = parts.slice(1);
      } else if (parts.length === 1 && DATA_VARS.has(parts[0]) && scopes[scopes.length - 1].inEach) {
        return { kind: parts[0] === 'index' ? 'number' : 'text', label: parts[0] };
      } else {
        this.problems.add(
          path,
          `不支持「${describe(path)}」：只能在 {{#each}} 中使用 @index、@first、@last，或用 @root. 引用顶层字段`,
        );
        return null;
      }
    } else {
      if (path.depth >= scopes.length) {
        this.problems.add(path, `「${describe(path)}」中的 ../ 超出了最外层`);
        return null;
      }
      fields = scopes[scopes.length - 1 - path.depth].fields;
    }
    if (parts.length === 0) {
      this.problems.add(path, `「${describe(path)}」没有指明字段：请写出字段名`);
      return null;
    }
    let node: FieldNode | Fields[string] | undefined;
    for (let i = 0; i < parts.length; i++) {
      node = Object.prototype.hasOwnProperty.call(fields, parts[i]) ? fields[parts[i]] : undefined;
      if (!node) {
        const near = suggest(parts[i], fields);
        const where = i === 0 ? '' : `「${parts.slice(0, i).join('.')}」中`;
        this.problems.add(
          path,
          `${where}没有名为「${parts[i]}」的字段${near.length ? `（是否想写：${near.join('、')}？）` : ''}`,
        );
        return null;
      }
      if (i < parts.length - 1) {
        if (node.kind !== 'group') {
          this.problems.add(path, `「${parts.slice(0, i + 1).join('.')}」下面没有字段`);
          return null;
        }
        fields = node.fields;
      }
    }
    return node ?? null;
  }
}

const TOKEN_NAMES: Readonly<Record<string, string>> = {
  EOF: '模板已经结束',
  INVALID: '无法识别的字符',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  OPEN: '{{',
  CLOSE_SEXPR: ')',
  OPEN_SEXPR: '(',
};

interface Tag {
  readonly name: string;
  /** 1-based, as the pane shows a position. */
  readonly line: number;
  readonly column: number;
}

type BlockScan =
  | { readonly kind: 'balanced' }
  | { readonly kind: 'unclosed'; readonly open: Tag }
  | { readonly kind: 'mismatch'; readonly open: Tag; readonly close: Tag };

/**
 * Pairs the block tags ({{#name}} or {{^name}} with {{/name}}) in the text, skipping comments and escaped \{{, to
 * say which block a parse error is about: the innermost one left open at the end, or the one closed by another
 * name. Handlebars itself only says where it stopped (the end of the text).
 */
function scanBlocks(text: string): BlockScan {
  const stack: Tag[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number, name: string): Tag => {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > offset) line -= 1;
    return { name, line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  let i = 0;
  while ((i = text.indexOf('{{', i)) >= 0) {
    const start = i;
    if (start > 0 && text[start - 1] === '\\') {
      i = start + 2;
      continue;
    }
    let j = start + 2;
    while (text[j] === '{') j += 1;
    if (text[j] === '~') j += 1;
    if (text.startsWith('!--', j)) {
      const end = text.indexOf('--', j + 3);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    const close = text.indexOf('}}', j);
    const body = text.slice(j, close < 0 ? text.length : close).replace(/~$/, '');
    i = close < 0 ? text.length : close + 2;
    const sigil = body[0];
    const name = /^[#^/]\s*([^\s}~()]*)/.exec(body)?.[1] ?? '';
    if ((sigil === '#' || sigil === '^') && name) stack.push(at(start, name));
    else if (sigil === '/' && name) {
      const open = stack.pop();
      if (!open) continue;
      if (open.name !== name) return { kind: 'mismatch', open, close: at(start, name) };
    }
  }
  return stack.length ? { kind: 'unclosed', open: stack[stack.length - 1] } : { kind: 'balanced' };
}

/** A Handlebars syntax error in Chinese: at the block it is about when it is about a block, else where it stopped. */
function syntaxProblem(e: unknown, text: string): TemplateProblem {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (mismatch || got === 'EOF') {
    const blocks = scanBlocks(text);
    if (blocks.kind === 'mismatch')
      return {
        line: blocks.open.line,
        column: blocks.open.column,
        message: `{{#${blocks.open.name}}} 块用 {{/${blocks.close.name}}} 结束（第 ${blocks.close.line} 行第 ${blocks.close.column} 列），二者不匹配`,
      };
    if (blocks.kind === 'unclosed')
      return {
        line: blocks.open.line,
        column: blocks.open.column,
        message: `这个 {{#${blocks.open.name}}} 块没有闭合：请在块的内容之后写 {{/${blocks.open.name}}}`,
      };
  }
  if (mismatch && err.lineNumber !== undefined)
    return {
      line: err.lineNumber,
      column: (err.column ?? 0) + 1,
      message: `{{#${mismatch[1]}}} 块用 {{/${mismatch[2]}}} 结束，二者不匹配`,
    };
  const lexer = (
    Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }
  ).Parser?.lexer?.yylloc;
  let what = '这里的 {{ }} 写法有误';
  if (got === 'EOF') what = '模板已经结束，但还有没有闭合的 {{ 标记（缺少 }}）';
  else if (got === 'INVALID') what = '{{ }} 中有无法识别的字符（字段名中不能有空格、引号以外的标点）';
  else if (got) what = `这里的 {{ }} 写法有误（意外遇到 ${TOKEN_NAMES[got] ?? got}）`;
  const lineMatch = /line (\d+)/.exec(message);
  return {
    line: lexer?.first_line ?? (lineMatch ? Number(lineMatch[1]) : 0),
    column: lexer ? lexer.first_column + 1 : 0,
    message: what,
  };
}

/** Whether a template can be used; never modifies or loses `text`. */
export function checkTemplate(text: string): TemplateCheck {
  if (typeof text !== 'string')
    return { ok: false, text: String(text), problems: [{ line: 0, column: 0, message: '模板应是文字' }] };
  if (text.length > TEMPLATE_LIMITS.chars)
    return {
      ok: false,
      text,
      problems: [
        {
          line: 0,
          column: 0,
          message: `模板过长（${text.length} 个字符，最多 ${TEMPLATE_LIMITS.chars} 个）：请删减后再使用`,
        },
      ],
    };
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch (e) {
    return { ok: false, text, problems: [syntaxProblem(e, text)] };
  }
  const problems = new TemplateChecker(FIELD_TREE).check(ast);
  return problems.length ? { ok: false, text, problems } : { ok: true, text, ast };
}

/** "第 3 行第 5 列：…", as the pane and the CLI show a problem. */
export function formatTemplateProblem(p: TemplateProblem): string {
  return p.line > 0 ? `第 ${p.line} 行第 ${p.column} 列：${p.message}` : p.message;
}
