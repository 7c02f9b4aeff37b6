// Renders the narrative: each generated section from its template (the workbook's, else the default), checked by
// check-template.ts first and run in an isolated Handlebars environment with prototype access off, strict lookups,
// only our helpers, no escaping (the text goes into cells and documents, which escape for themselves).
import Handlebars from 'handlebars';
import {
  GENERATED_SECTIONS,
  TEMPLATE_FIELDS,
  TEXT_FIELDS,
  TYPED_SECTIONS,
  type GeneratedSectionId,
  type TypedSectionId,
} from '../layout/supplement';
import type { Report } from '../model/report-schema';
import { checkTemplate, TEMPLATE_LIMITS, type TemplateProblem } from './check-template';
import { narrativeData } from './narrative-fields';
import type { Supplement } from './supplement-model';
import { TEMPLATE_HELPERS } from './template-helpers';
import { DEFAULT_TEMPLATES } from './templates.zh-CN';

export type NarrativeTemplates = Readonly<Partial<Record<GeneratedSectionId, string>>>;

export interface GeneratedSection {
  readonly id: GeneratedSectionId;
  readonly label: string;
  /** The defined name of the cell the template is stored in (findings point there). */
  readonly cell: string;
  /** The template used, verbatim (the default when none was given). */
  readonly template: string;
  readonly isDefault: boolean;
  /** The paragraphs; empty when the template was refused. */
  readonly paragraphs: readonly string[];
  readonly problems: readonly TemplateProblem[];
}

export interface TypedSection {
  readonly id: TypedSectionId;
  readonly label: string;
  readonly cell: string;
  readonly paragraphs: readonly string[];
}

/** Everything the report's narrative says, ready for the export and for checkNarrative. */
export interface Narrative {
  readonly generated: Readonly<Record<GeneratedSectionId, GeneratedSection>>;
  readonly typed: Readonly<Record<TypedSectionId, TypedSection>>;
  /** True when every template rendered. */
  readonly ok: boolean;
}

const KNOWN_HELPERS = Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((k) => [k, true]));

/**
 * An environment of our own: the global Handlebars keeps its helpers; ours has no lookup, log or with. Made on
 * first use, so a program that imports the report core without rendering (`nianbao validate`) never loads Handlebars.
 */
let env: typeof Handlebars | undefined;
function environment(): typeof Handlebars {
  if (env) return env;
  const made = Handlebars.create();
  for (const name of ['lookup', 'log', 'with']) made.unregisterHelper(name);
  for (const [name, fn] of Object.entries(TEMPLATE_HELPERS)) made.registerHelper(name, fn as Handlebars.HelperDelegate);
  return (env = made);
}

/**
 * Paragraphs of a rendered text: a line break inside a paragraph is dropped (Chinese needs no space where lines
 * join), an empty line separates paragraphs; spaces at line ends and empty paragraphs go.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .join(''),
    )
    .filter((p) => p !== '');
}

/** Typed text keeps the user's own line breaks as paragraphs. */
function typedParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export type RenderResult =
  | { readonly ok: true; readonly paragraphs: string[] }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** Checked and compiled templates by text: the pane re-renders on every edit, mostly with the same templates. */
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const COMPILED_KEPT = 32;

function compile(text: string): Handlebars.TemplateDelegate {
  let run = compiled.get(text);
  if (!run) {
    // Compiled from the text (not the checked AST): Handlebars' whitespace pass must run exactly once.
    run = environment().compile(text, {
      strict: true,
      noEscape: true,
      knownHelpers: { ...KNOWN_HELPERS, lookup: false, log: false, with: false },
      knownHelpersOnly: true,
    });
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(text, run);
  }
  return run;
}

/** One template against prepared data. */
export function renderTemplate(text: string, data: Record<string, unknown>): RenderResult {
  const checked = compiled.has(text) ? null : checkTemplate(text);
  if (checked && !checked.ok) return { ok: false, problems: checked.problems };
  let out: string;
  try {
    out = compile(text)(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    const err = e as { message?: string; lineNumber?: number; column?: number };
    return {
      ok: false,
      problems: [
        {
          line: err.lineNumber ?? 0,
          column: err.column !== undefined ? err.column + 1 : 0,
          message: `模板无法生成文字：${String(err.message ?? e).split('\n')[0]}`,
        },
      ],
    };
  }
  if (out.length > TEMPLATE_LIMITS.output)
    return {
      ok: false,
      problems: [
        { line: 0, column: 0, message: `生成的文字过长（超过 ${TEMPLATE_LIMITS.output} 个字符）：请检查模板` },
      ],
    };
  return { ok: true, paragraphs: paragraphsOf(out) };
}

/**
 * The whole narrative. `templates` overrides the workbook's stored ones (the pane's editor, the CLI's --template);
 * a blank template means the default.
 */
export function renderNarrative(report: Report, supplement: Supplement, templates: NarrativeTemplates = {}): Narrative {
  const data = narrativeData(report, supplement);
  let ok = true;
  const generated = {} as Record<GeneratedSectionId, GeneratedSection>;
  for (const s of GENERATED_SECTIONS) {
    const given = templates[s.id] ?? supplement.templates[s.id];
    const isDefault = given === undefined || given.trim() === '';
    const template = isDefault ? DEFAULT_TEMPLATES[s.id] : given;
    const r = renderTemplate(template, data);
    if (!r.ok) ok = false;
    generated[s.id] = {
      id: s.id,
      label: s.label,
      cell: TEMPLATE_FIELDS[s.id].name,
      template,
      isDefault,
      paragraphs: r.ok ? r.paragraphs : [],
      problems: r.ok ? [] : r.problems,
    };
  }
  const typed = {} as Record<TypedSectionId, TypedSection>;
  for (const s of TYPED_SECTIONS)
    typed[s.id] = {
      id: s.id,
      label: s.label,
      cell: TEXT_FIELDS[s.id].name,
      paragraphs: typedParagraphs(supplement.texts[s.id] ?? ''),
    };
  return { generated, typed, ok };
}
