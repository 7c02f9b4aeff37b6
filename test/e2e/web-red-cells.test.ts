// Every error cell is red on the page (issue #11, "What it must show"): in real chromium against `npm start`'s page,
// a half-filled report is typed in as a person types it — a 表三 row whose parts do not add up to its total, a
// negative count, a count typed with its unit, a formula typed into an input, and good figures — and the screenshot
// is read pixel by pixel: each error cell shows the error fill, each good filled cell does not (neither red nor
// the warning amber). The error cells are chosen by hand (the same values as the LibreOffice render test); the
// domain's own findings for what the page holds must name exactly those cells.
import type { Browser, Page } from 'playwright-core';
import { ALL_VALUE_CELLS, HIGHLIGHT, evaluateRules, type CellContent } from '../../src/report';
import { cellCentre, openWebPage, startWebServer, typeIntoCell, type WebServer } from './web-page';
import { decodePng } from './png-pixels';
import { launchChromium } from '../support/chromium';

jest.setTimeout(120_000);

/** What is typed, cell by cell, in this order. */
const TYPED: readonly (readonly [string, string])[] = [
  // 表三 row 一: every part filled, the total wrong (311 + … + 316 = 1881, not 3199).
  ['nb_t3_new_person', '311'],
  ['nb_t3_new_business', '312'],
  ['nb_t3_new_research', '313'],
  ['nb_t3_new_charity', '314'],
  ['nb_t3_new_legal', '315'],
  ['nb_t3_new_other', '316'],
  ['nb_t3_new_total', '3199'],
  // A negative count, a count with its unit, a formula in an input: each an error of its own cell.
  ['nb_t2_rule_made', '-37'],
  ['nb_t4_review_upheld', '2件'],
  ['nb_t2_norm_made', '=1+1'],
  // Good figures.
  ['nb_t2_rule_repealed', '41'],
  ['nb_t4_review_corrected', '5'],
];
const ERROR_CELLS = ['nb_t3_new_total', 'nb_t2_rule_made', 'nb_t4_review_upheld', 'nb_t2_norm_made'];
const GOOD_CELLS = ['nb_t3_new_person', 'nb_t3_new_legal', 'nb_t2_rule_repealed', 'nb_t4_review_corrected'];
/** Inputs left blank: the soft to-do fill, neither red nor amber. */
const BLANK_CELLS = ['nb_t4_review_other', 'nb_t3_carry_person'];

const rgb = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 12);
const RED = rgb(HIGHLIGHT.error.fill);
const AMBER = rgb(HIGHLIGHT.warning.fill);
const SOFT = rgb(HIGHLIGHT.blank.fill);

let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  page = (await openWebPage(browser, server.url)).page;
  for (const [name, text] of TYPED) await typeIntoCell(page, name, text);
  // Selection off the typed cells (its tint would sit over their fill): the top-left corner of the sheet.
  await page.keyboard.press('Control+Home');
}, 900_000); // building and serving the page (≤ 420 s), its first load (≤ READY_TIMEOUT_MS), then the typing

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The fill the screenshot shows in the named cell: the commonest colour of a patch around the cell's centre (the
 * digits drawn over the fill are a minority of it). Waits until the page has painted a settled colour there.
 */
async function paintedFill(name: string): Promise<number[]> {
  const { x, y } = await cellCentre(page, name);
  const sample = async () => {
    const shot = decodePng(await page.screenshot({ clip: { x: x - 12, y: y - 3, width: 24, height: 7 } }));
    const tally = new Map<string, number>();
    for (let j = 0; j < shot.height; j++)
      for (let i = 0; i < shot.width; i++) {
        const key = shot.at(i, j).join(',');
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    return [...tally]
      .sort((a, b) => b[1] - a[1])[0][0]
      .split(',')
      .map(Number);
  };
  // Two screenshots in a row agreeing: the canvas has finished repainting after the scroll.
  let last = await sample();
  for (let i = 0; i < 20; i++) {
    const now = await sample();
    if (now.join() === last.join()) return now;
    last = now;
  }
  return last;
}

test('the page holds the typed values and the domain finds errors on exactly the hand-chosen cells', async () => {
  const values = await page.evaluate(
    async (names) => (await window.__nianbao!.host.readNamedCells(names)).values as CellContent[],
    ALL_VALUE_CELLS.map((c) => c.name),
  );
  const errors = new Set(
    evaluateRules(values)
      .filter((f) => f.severity === 'error')
      .map((f) => f.cells[0]),
  );
  expect([...errors].sort()).toEqual([...ERROR_CELLS].sort());
});

test('every error cell is red in the screenshot; a good filled cell is neither red nor amber, a blank one soft', async () => {
  const seen: Record<string, string> = {};
  const word = (fill: number[]) =>
    near(fill, RED) ? 'red' : near(fill, AMBER) ? 'amber' : near(fill, SOFT) ? 'soft' : `other ${fill.join(',')}`;
  for (const name of [...ERROR_CELLS, ...GOOD_CELLS]) seen[name] = word(await paintedFill(name));
  // Red is painted after the page has checked the last edit (a debounce): an error cell not red yet is looked at
  // again, until it is or 15 s have passed (a condition wait; the good cells are looked at after it).
  const until = Date.now() + 15_000;
  for (const name of ERROR_CELLS)
    while (seen[name] !== 'red' && Date.now() < until) seen[name] = word(await paintedFill(name));
  for (const name of [...GOOD_CELLS, ...BLANK_CELLS]) seen[name] = word(await paintedFill(name));
  for (const name of ERROR_CELLS) expect([name, seen[name]]).toEqual([name, 'red']);
  for (const name of GOOD_CELLS) expect([name, seen[name]].join(' ')).toMatch(/ other /);
  for (const name of BLANK_CELLS) expect([name, seen[name]]).toEqual([name, 'soft']);
});
