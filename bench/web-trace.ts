// Where the time between Enter and the red cell goes: opens the page (`npm start`'s build) in headless chromium,
// records a CPU profile (Chrome DevTools Protocol, Profiler domain) around keyboard edits that break and fix one
// total, and prints the functions with the most time on the stack (inclusive) and on top of it (self).
// Not part of `npm run bench`; a tool for the trace the issue asks for.
// Run: node scripts/run-ts.mjs bench/web-trace.ts [edits]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HIGHLIGHT, input } from '../src/report';
import { locate, openWebPage, startWebServer, typeIntoCell, waitForBackground } from '../test/e2e/web-page';
import { launchChromium } from '../test/support/chromium';

interface UniverLike {
  getActiveWorkbook(): { getSheetByName(n: string): { getRange(a1: string): { getBackground(): string } } };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Inclusive and self milliseconds by function (name, file and line). */
export function summarise(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key(byId.get(id)!), (self.get(key(byId.get(id)!)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `inclusive:\n${list(inclusive)}\nself:\n${list(self)}`;
}

async function main() {
  const edits = Number(process.argv[2]) || 6;
  const [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
  try {
    const { page, context } = await openWebPage(browser, server.url);
    const total = input('T3', 'new', 'total').name;
    const red = `#${HIGHLIGHT.error.fill}`;
    const place = await locate(page, total);
    await typeIntoCell(page, total, '0');
    await waitForBackground(page, total, red, false);
    // Every pane read (the controller's READ_MARK) and every Enter, as the page timed them.
    await page.evaluate(() => {
      const w = window as unknown as { __reads: number[]; __enter: number | null };
      w.__reads = [];
      w.__enter = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'pane:read') w.__reads.push(e.startTime);
      }).observe({ entryTypes: ['mark'] });
      window.addEventListener('keydown', (e) => void (e.key === 'Enter' && (w.__enter = e.timeStamp)), {
        capture: true,
      });
    });
    let readsBeforeRed = 0;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    for (let i = 0; i < edits; i++) {
      // A negative count is an error on the cell itself; 0 is valid.
      const value = i % 2 === 0 ? -5 : 0;
      await typeIntoCell(page, total, String(value));
      // Polled every frame: the time of the first frame whose cell shows the new colour.
      await page.waitForFunction(
        ({ sheet, a1, colour, want }) => {
          const bg = (window as unknown as { univerAPI: UniverLike }).univerAPI
            .getActiveWorkbook()
            .getSheetByName(sheet)
            .getRange(a1)
            .getBackground();
          const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(bg);
          const hex = m ? `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : bg;
          if ((hex.toUpperCase() === colour) !== want) return false;
          (window as unknown as { __red: number }).__red = performance.now();
          return true;
        },
        { ...place, colour: red, want: value !== 0 },
        { polling: 'raf', timeout: 15_000 },
      );
      // A read that began after this Enter and before that frame could have delayed the red.
      readsBeforeRed += await page.evaluate(() => {
        const w = window as unknown as { __reads: number[]; __enter: number; __red: number };
        return w.__reads.filter((t) => t > w.__enter && t < w.__red).length;
      });
      await page.waitForFunction(() => (window as unknown as { __reads: number[] }).__reads.length > 0);
      await page.evaluate(() => ((window as unknown as { __reads: number[] }).__reads = []));
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const file = join(tmpdir(), 'enter-to-red.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${edits} edits; profile written to ${file} (open it in Chrome DevTools)`);
    console.log(`pane reads that began after Enter and before the red frame: ${readsBeforeRed} in ${edits} edits`);
    console.log(summarise(profile));
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (/[\\/]web-trace\.(c?js|ts)$/.test(process.argv[1] ?? ''))
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
