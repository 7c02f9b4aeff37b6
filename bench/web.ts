// Web page figures, measured in real headless chromium against `npm start`'s server: the time from the Enter key
// to the native conditional-format highlight (median over 50 keyboard edits, timed inside the browser), the time
// until the pane lists the finding, and the pane's first paint against the sheet's readiness over fresh loads.
// Run alone: node scripts/run-ts.mjs bench/web.ts
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ALL_VALUE_CELLS, BLANK, HIGHLIGHT, contentOf, evaluateRules, input } from '../src/report';
import { ROOT, locate, openWebPage, startWebServer, typeIntoCell } from '../test/e2e/web-page';
import { launchChromium } from '../test/support/chromium';

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

function bytesOf(dir: string, match: (f: string) => boolean): number {
  return readdirSync(dir)
    .filter(match)
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

export async function benchWeb(edits = 50, loads = 5): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  try {
    // First paint of the pane vs the sheet ready (template built), over fresh browser contexts.
    const pane: number[] = [];
    const sheet: number[] = [];
    for (let i = 0; i < loads; i++) {
      const { context, page } = await openWebPage(browser, server.url);
      const t = await page.evaluate(() => window.__nianbao!.timings);
      pane.push(t.paneRendered!);
      sheet.push(t.sheetReady!);
      await context.close();
    }
    out['pane first render (ms, median of ' + loads + ' loads)'] = round(median(pane));
    out['sheet ready: rendered + template built (ms, median)'] = round(median(sheet));
    out['sheet ready / pane first render'] = Math.round((median(sheet) / median(pane)) * 10) / 10;

    const dist = join(ROOT, 'dist', 'web');
    const main = bytesOf(dist, (f) => f.startsWith('main.') && f.endsWith('.js'));
    const sheetChunk = bytesOf(dist, (f) => f.startsWith('sheet.') && f.endsWith('.js'));
    out['JS before the pane paints (main chunk, KB)'] = round(main / 1024);
    out['sheet chunk, loaded lazily (KB)'] = round(sheetChunk / 1024);

    // Enter → highlight: alternately break and fix one total, typed with the keyboard.
    const { page } = await openWebPage(browser, server.url);
    const total = input('T3', 'new', 'total').name;
    const red = `#${HIGHLIGHT.error.fill}`;
    const enterToHighlight: number[] = [];
    const enterToPane: number[] = [];
    // The other cells of the row read blank (0), so 0 is consistent and anything else is a broken total.
    await typeIntoCell(page, total, '0');
    let shownMessage = '';
    for (let i = 0; i < edits; i++) {
      const breaking = i % 2 === 0;
      const value = breaking ? 1 + (i % 7) : 0;
      // The message the pane must show (breaking) or drop (fixing), as the domain words it.
      const message = breaking ? rowMessage(total, value) : shownMessage;
      shownMessage = message;
      await armStopwatch(page, total, red, breaking);
      const paneSeen = page.evaluate(
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
      await typeIntoCell(page, total, String(value));
      try {
        enterToHighlight.push(await readStopwatch(page));
      } catch (e) {
        const seen = await page.evaluate((n) => {
          const host = window.__nianbao!.sheet!;
          return host.readNamedCells([n]).then((r) => ({
            value: r.values[0],
            active: (
              window.univerAPI as { getActiveWorkbook(): { getActiveRange(): { getA1Notation(): string } | null } }
            )
              .getActiveWorkbook()
              .getActiveRange()
              ?.getA1Notation(),
          }));
        }, total);
        throw new Error(`edit ${i} (typed ${value}): ${(e as Error).message}; page: ${JSON.stringify(seen)}`);
      }
      enterToPane.push(await within(paneSeen, `pane after typing ${value}`));
    }
    if (process.env.BENCH_WEB_DEBUG) console.log({ enterToHighlight, enterToPane });
    out[`Enter → cell highlight changes (ms, median of ${edits} edits)`] = round(median(enterToHighlight));
    out['Enter → cell highlight, slowest (ms)'] = round(Math.max(...enterToHighlight));
    out[`Enter → pane list updated (ms, median, incl. 300 ms debounce)`] = round(median(enterToPane));
  } finally {
    await browser.close();
    await server.stop();
  }
  return out;
}

// Run directly (node scripts/run-ts.mjs bench/web.ts [edits] [loads]) rather than from bench/index.ts.
if (/[\\/]web\.(c?js|ts)$/.test(process.argv[1] ?? '')) {
  const [edits, loads] = process.argv.slice(2).map(Number);
  benchWeb(edits || undefined, loads || undefined).then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${v}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
