// Web page figures, measured in real headless chromium against `npm start`'s server, each beside the same figure
// for Univer's own bare page (bench/univer-bare: the presets, an empty workbook, one formula rule) measured in the
// same run, loads and edits interleaved so both see the same machine: the time until the sheet is ready (ours:
// drawn with the report's rules and names and the saved work, the session built; Univer's: its Rendered stage) and,
// ours only, until the highlight rules' first results are drawn, on a clerk's first visit (cold: fresh browser
// profile), on the next two (warm: HTTP cache, then V8's code cache) and coming back to a report under way,
// with our start-up phases, the CPU time all chromium processes spent until then and the load average
// (bench/web-loads.ts); the JavaScript fetched until ready; and the time from the Enter key to the conditional-format
// highlight (median over keyboard edits, timed inside the browser), plus the time until the pane lists the finding.
// Run alone: node scripts/run-ts.mjs bench/web.ts [edits] [loads]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  ALL_VALUE_CELLS,
  BLANK,
  HIGHLIGHT,
  TEMPLATE_SHEET_NAME,
  contentOf,
  evaluateRules,
  input,
  planTemplate,
  workbookFields,
} from '../src/report';
import { ROOT, locate, startWebServer, typeIntoCell, type WebServer } from '../test/e2e/web-page';
import { launchChromium } from '../test/support/chromium';
import { buildUniverBare } from './univer-bare/build';
import { visitsOf, type HighlightProbe, type Visit } from './web-loads';

/**
 * What the page fetched before its sheet was ready, at commit c571de4 (before #15): main, sheet and session chunks
 * and the en-gb hyphenation table Univer fetched during start-up.
 */
const BOOT_JS_BEFORE = { raw: 7_256_640, gzip: 1_945_434 };

/**
 * The first and the last blank input the template gives the to-do fill (the soft blue-grey): on a fresh page both
 * wear it once the highlight rules have been computed and drawn.
 */
function blankProbe(): HighlightProbe {
  const names = planTemplate({ sheet: TEMPLATE_SHEET_NAME })
    .flatMap((e) => (e.op === 'conditionalFormat' && e.style === 'blank' ? [e.id.replace(/^blank:/, '')] : []))
    .filter((n, i, all) => i === 0 || i === all.length - 1);
  return { names, colour: `#${HIGHLIGHT.blank.fill}` };
}

/**
 * A report under way, as a returning clerk has it saved in the page: every count of the tables and 补充信息 filled
 * (small numbers, so some totals do not add up and are red) but the probe's cells, the agency and the year.
 */
function workUnderWay(probe: HighlightProbe): Record<string, number | string> {
  const fields = workbookFields().filter(
    (f) => f.kind === 'number' && !f.name.startsWith('nb_prev_') && !probe.names.includes(f.name),
  );
  return Object.fromEntries(fields.map((f, i) => [f.name, (i % 9) + 1]));
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n: number) => Math.round(n);

/**
 * Arms an in-page stopwatch: starts at the Enter keydown's own timestamp (Univer's listener runs first and commits
 * synchronously, so the time a later listener runs would be late) and stops on the
 * first animation frame where the cell's visible background is (or is no longer) the highlight.
 */
async function armStopwatch(page: Page, name: string, colour: string, want: boolean): Promise<void> {
  const place = await locate(page, name);
  await page.evaluate(
    ({ sheet, a1, colour: c, want: w }) => {
      const hex = (raw: string) => {
        const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(raw);
        return m
          ? `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase()
          : raw.toUpperCase();
      };
      const range = () =>
        (
          window.univerAPI as {
            getActiveWorkbook(): { getSheetByName(n: string): { getRange(a: string): { getBackground(): string } } };
          }
        )
          .getActiveWorkbook()
          .getSheetByName(sheet)
          .getRange(a1);
      const w2 = window as unknown as { __stopwatch?: Promise<number> };
      w2.__stopwatch = new Promise<number>((resolve) => {
        let start: number | null = null;
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter' && start === null) start = e.timeStamp;
        };
        window.addEventListener('keydown', onKey, { capture: true });
        const tick = () => {
          if (start !== null && (hex(range().getBackground()) === c) === w) {
            window.removeEventListener('keydown', onKey, { capture: true });
            resolve(performance.now() - start);
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { ...place, colour, want },
  );
}

/** The error message for a total typed over an otherwise blank row. */
function rowMessage(total: string, value: number): string {
  const values = ALL_VALUE_CELLS.map((c) => (c.name === total ? contentOf(value) : BLANK));
  const f = evaluateRules(values).find((x) => x.cells[0] === total && x.severity === 'error');
  if (!f) throw new Error(`no error for ${total} = ${value}`);
  return f.message;
}

/** Fails instead of hanging when the page never reaches the awaited state. */
function within<T>(p: Promise<T>, what: string, ms = 15_000): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no change within ${ms} ms`)), ms)),
  ]);
}

async function readStopwatch(page: Page): Promise<number> {
  return within(
    page.evaluate(() => (window as unknown as { __stopwatch: Promise<number> }).__stopwatch),
    'cell highlight',
  );
}

/** Times `edits` keyboard edits of one named cell, alternately breaking and fixing it, Enter → highlight. */
async function enterToHighlight(
  page: Page,
  name: string,
  colour: string,
  edits: number,
  valueFor: (i: number) => number,
  onEdit?: (i: number, value: number) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const value = valueFor(i);
    await armStopwatch(page, name, colour, value !== 0);
    const after = onEdit?.(i, value);
    await typeIntoCell(page, name, String(value));
    try {
      times.push(await readStopwatch(page));
    } catch (e) {
      throw new Error(`edit ${i} of ${name} (typed ${value}): ${(e as Error).message}`);
    }
    await after;
  }
  return times;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
/** Visits per browser profile: the first cold, then warm (BENCH_WEB_VISITS, 1–3). */
const VISITS = Math.min(3, Math.max(1, Number(process.env.BENCH_WEB_VISITS) || 3));
const VISIT_NAMES = ['cold (1st visit)', 'warm (2nd visit: HTTP cache)', 'warm (3rd visit: + V8 code cache)'];
const kb = (n: number) => Math.round(n / 1024);

/**
 * BENCH_WEB_EDITS / BENCH_WEB_LOADS / BENCH_WEB_VISITS shorten a run on a busy machine (defaults: 50 edits, 5
 * browser profiles of 3 visits each).
 */
export async function benchWeb(
  edits = Number(process.env.BENCH_WEB_EDITS) || 50,
  loads = Number(process.env.BENCH_WEB_LOADS) || 5,
): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const bareDir = mkdtempSync(join(tmpdir(), 'nianbao-univer-bare-'));
  // The product's build (start.mjs builds dist/web when stale) and Univer's bare page, one after the other.
  const server = await startWebServer();
  let bareServer: WebServer | null = null;
  let earlierServer: WebServer | null = null;
  const browser = await launchChromium();
  try {
    await buildUniverBare(ROOT, bareDir);
    bareServer = await startWebServer(60_000, ['--dir', bareDir]);
    // BENCH_WEB_BEFORE_DIR: the page built from an earlier commit (its dist/web), measured in the same run.
    const beforeDir = process.env.BENCH_WEB_BEFORE_DIR;
    if (beforeDir) earlierServer = await startWebServer(60_000, ['--dir', beforeDir]);
    // Visits, ours and Univer's (and the earlier build's) interleaved: each a fresh browser profile visited
    // VISITS times, the first visit cold and the others warm (HTTP cache, then V8's code cache).
    const ours: Visit[][] = [];
    const theirs: Visit[][] = [];
    const earlier: Visit[][] = [];
    const probe = blankProbe();
    const work = workUnderWay(probe);
    for (let i = 0; i < loads; i++) {
      ours.push(await visitsOf(browser, server.url, false, VISITS, probe, work));
      theirs.push(await visitsOf(browser, bareServer.url, true, VISITS));
      if (earlierServer) earlier.push(await visitsOf(browser, earlierServer.url, false, VISITS, probe, work));
    }
    const loadsSeen = [...ours, ...theirs].flat().map((v) => v.load);
    out['load average (1 min) at the visits, lowest–highest'] =
      `${Math.min(...loadsSeen).toFixed(1)}–${Math.max(...loadsSeen).toFixed(1)}`;
    /** Median over the profiles of visit `n` (0: cold). */
    const m = (xs: Visit[][], n: number, f: (v: Visit) => number | null) =>
      median(xs.map((v) => f(v[n])).filter((x): x is number => x !== null));
    const seen = `median of ${loads} profiles`;
    for (const [n, visit] of VISIT_NAMES.slice(0, VISITS).entries()) {
      const ready = m(ours, n, (v) => v.sheetReady);
      const bareReady = m(theirs, n, (v) => v.sheetReady);
      if (n === 0) out[`pane first render, ${visit} (ms, ${seen})`] = round(m(ours, n, (v) => v.paneRendered));
      out[`${visit}: sheet library evaluated (ms)`] = round(m(ours, n, (v) => v.sheetModule));
      // start-sheet.ts adds the names and rules first, then waits for the grid's first paint (which holds them).
      out[`${visit}: rules and names added (ms)`] = round(m(ours, n, (v) => v.commands));
      out[`${visit}: sheet first rendered, with the report's rules (ms)`] = round(m(ours, n, (v) => v.rendered));
      // Ready: drawn with the report's rules, the saved work in it, the pane connected; the user can type.
      out[`${visit}: sheet ready, report drawn + work restored + pane connected (ms)`] = round(ready);
      out[`${visit}: highlight rules' first results drawn (ms)`] = round(m(ours, n, (v) => v.highlighted));
      out[`${visit}: Univer's bare page ready (Rendered stage, ms)`] = round(bareReady);
      out[`${visit}: sheet ready / Univer's bare page ready`] = ratio(ready, bareReady);
      out[`${visit}: CPU until ready, all chromium processes (ms), ours / bare`] =
        `${round(m(ours, n, (v) => v.cpu))} / ${round(m(theirs, n, (v) => v.cpu))}`;
      if (n > 0)
        out[`${visit}: JS over the network (KB on the wire, files; from cache: files), ours`] =
          `${kb(m(ours, n, (v) => v.jsWire))} (${m(ours, n, (v) => v.jsFiles)}; ${m(ours, n, (v) => v.jsCached)})`;
      if (earlier.length) {
        const before = m(earlier, n, (v) => v.sheetReady);
        out[`${visit}: sheet ready, earlier build (BENCH_WEB_BEFORE_DIR, ms)`] = round(before);
        out[`${visit}: earlier build's sheet ready / Univer's bare page ready`] = ratio(before, bareReady);
        out[`${visit}: earlier build's highlight rules' first results drawn (ms)`] = round(
          m(earlier, n, (v) => v.highlighted),
        );
      }
    }
    // A clerk coming back to a report under way (its ~200 counts restored from the page's storage), warm.
    const back = `returning to a report under way (warm, ${Object.keys(work).length} counts saved)`;
    out[`${back}: sheet ready (ms)`] = round(m(ours, VISITS, (v) => v.sheetReady));
    out[`${back}: highlight rules' first results drawn (ms)`] = round(m(ours, VISITS, (v) => v.highlighted));
    if (earlier.length) {
      out[`${back}: earlier build's sheet ready (ms)`] = round(m(earlier, VISITS, (v) => v.sheetReady));
      out[`${back}: earlier build's first results drawn (ms)`] = round(m(earlier, VISITS, (v) => v.highlighted));
    }
    if (earlier.length) {
      const e = earlier[earlier.length - 1][0];
      out['earlier build: web boot JS until sheet ready (KB raw / gzip)'] = `${kb(e.jsRaw)} / ${kb(e.jsGzip)}`;
    }
    const js = ours[ours.length - 1][0];
    const bareJs = theirs[theirs.length - 1][0];
    out['web boot JS fetched until sheet ready (KB raw / gzip, files)'] =
      `${kb(js.jsRaw)} / ${kb(js.jsGzip)} (${js.jsFiles} files)`;
    out['web boot JS at c571de4, before #15 (KB raw / gzip)'] =
      `${kb(BOOT_JS_BEFORE.raw)} / ${kb(BOOT_JS_BEFORE.gzip)}`;
    out['web boot JS now / before (raw, gzip)'] =
      `${ratio(js.jsRaw, BOOT_JS_BEFORE.raw)}, ${ratio(js.jsGzip, BOOT_JS_BEFORE.gzip)}`;
    out["Univer's bare page JS (KB raw / gzip)"] = `${kb(bareJs.jsRaw)} / ${kb(bareJs.jsGzip)}`;
    const main = readFileSync(join(ROOT, 'dist', 'web', 'index.html'), 'utf8').match(/main\.[0-9a-f]+\.js/);
    if (main) {
      const bytes = readFileSync(join(ROOT, 'dist', 'web', main[0]));
      out['JS before the pane paints (main chunk, KB raw / gzip)'] =
        `${kb(bytes.length)} / ${kb(gzipSync(bytes, { level: 9 }).length)}`;
    }

    // Enter → highlight, ours: alternately break and fix one total, typed with the keyboard; the pane's list too.
    const { page, context } = await openReady(browser, server.url, false);
    const total = input('T3', 'new', 'total').name;
    const red = `#${HIGHLIGHT.error.fill}`;
    // A negative count is an error on the cell itself whatever the rest of the row holds (a sum over blanks is
    // 未填完, not checked); 0 is a valid entry.
    await typeIntoCell(page, total, '0');
    const enterToPane: number[] = [];
    let shownMessage = '';
    const value = (i: number) => (i % 2 === 0 ? -(1 + (i % 7)) : 0);
    const oursHighlight = await enterToHighlight(page, total, red, edits, value, async (_, v) => {
      const breaking = v !== 0;
      // The message the pane must show (breaking) or drop (fixing), as the domain words it.
      const message = breaking ? rowMessage(total, v) : shownMessage;
      shownMessage = message;
      enterToPane.push(await within(paneShows(page, message, breaking), `pane after typing ${v}`));
    });
    await context.close();
    // Univer's bare page: the same edits on its one rule's cell.
    const bare = await openReady(browser, bareServer.url, true);
    const bareHighlight = await enterToHighlight(bare.page, 'bare_cell', '#FFC7CE', edits, value);
    await bare.context.close();
    // And with the calculation started at once after the edit, as ours starts it: the engine's own floor.
    const prompt = await openReady(browser, `${bareServer.url}?prompt`, true);
    const promptHighlight = await enterToHighlight(prompt.page, 'bare_cell', '#FFC7CE', edits, value);
    await prompt.context.close();
    if (earlierServer) {
      const e = await openReady(browser, earlierServer.url, false);
      await typeIntoCell(e.page, total, '0');
      const earlierHighlight = await enterToHighlight(e.page, total, red, edits, value);
      await e.context.close();
      out['earlier build: Enter → cell highlight (ms, median)'] = round(median(earlierHighlight));
      out["earlier build: Enter → highlight / Univer's bare page"] = ratio(
        median(earlierHighlight),
        median(bareHighlight),
      );
    }
    if (process.env.BENCH_WEB_DEBUG) console.log({ oursHighlight, bareHighlight, enterToPane });
    out[`Enter → cell highlight changes (ms, median of ${edits} edits)`] = round(median(oursHighlight));
    out['Enter → cell highlight, slowest (ms)'] = round(Math.max(...oursHighlight));
    out[`Univer's bare page: Enter → highlight (ms, median)`] = round(median(bareHighlight));
    out["Enter → highlight / Univer's bare page"] = ratio(median(oursHighlight), median(bareHighlight));
    out[`Univer's bare page, calculation started at once as ours: Enter → highlight (ms, median)`] = round(
      median(promptHighlight),
    );
    out['Enter → highlight / bare page with the calculation started at once'] = ratio(
      median(oursHighlight),
      median(promptHighlight),
    );
    out[`Enter → pane list updated (ms, median)`] = round(median(enterToPane));
  } finally {
    await browser.close();
    await server.stop();
    await bareServer?.stop();
    await earlierServer?.stop();
    rmSync(bareDir, { recursive: true, force: true });
  }
  return out;
}

/** Opens a page and waits (up to 3 minutes: a busy machine) until its sheet is ready. */
async function openReady(browser: Browser, url: string, bare: boolean, before?: (page: Page) => void) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  before?.(page);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(
    (b) =>
      b
        ? (window as unknown as { __bare?: { timings: { sheetReady: number | null } } }).__bare?.timings.sheetReady !=
          null
        : window.__nianbao?.timings.sheetReady != null || window.__nianbao?.failure != null,
    bare,
    { timeout: 180_000 },
  );
  return { context, page };
}

/** Resolves with ms from the next Enter until the pane's text does (or no longer does) contain the message. */
function paneShows(page: Page, message: string, breaking: boolean): Promise<number> {
  return page.evaluate(
    ({ message: m, breaking: b }) =>
      new Promise<number>((resolve) => {
        let start: number | null = null;
        const onKey = (e: KeyboardEvent) => {
          if (e.key === 'Enter' && start === null) start = e.timeStamp;
        };
        window.addEventListener('keydown', onKey, { capture: true });
        const pane = document.querySelector('aside[aria-label="年报助手任务窗格"]')!;
        const tick = () => {
          if (start !== null && (pane.textContent ?? '').includes(m) === b) {
            window.removeEventListener('keydown', onKey, { capture: true });
            resolve(performance.now() - start);
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { message, breaking },
  );
}

// Run directly (node scripts/run-ts.mjs bench/web.ts [edits] [loads]) rather than from bench/index.ts.
if (/[\\/]web\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  const [edits, loads] = process.argv.slice(2).map(Number);
  benchWeb(edits || undefined, loads || undefined).then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${v}`);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
