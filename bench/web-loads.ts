// Page loads as a clerk sees them, for bench/web.ts: the first visit in a fresh browser profile (cold: nothing
// cached) and then further visits in the same profile (warm: the scripts come from the HTTP cache, which start.mjs
// allows for a year under their content-hashed names, and from the second sighting on Chromium keeps V8's compiled
// code beside them). Each visit records when the sheet was ready, its start-up phases, the JavaScript that came over
// the network and the CPU time every Chromium process spent until then (a figure that other load on the machine
// stretches far less than the wall-clock time).
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';

/** One visit's figures (ms since navigation start unless said otherwise). */
export interface Visit {
  readonly sheetReady: number;
  readonly paneRendered: number | null;
  /** Ours only: the sheet library evaluated, the grid first painted, the template's rules and names in. */
  readonly sheetModule: number | null;
  readonly rendered: number | null;
  readonly commands: number | null;
  /**
   * Ours only: the first frame in which the highlight rules' results show (the probe cells, blank inputs, wear the
   * to-do fill); the rules are computed after the sheet is ready, as the user can already type.
   */
  readonly highlighted: number | null;
  /** CPU milliseconds of every Chromium process from navigation until ready. */
  readonly cpu: number;
  /** Scripts received over the network until ready (bytes on the wire, and their bodies raw and gzip-9). */
  readonly jsWire: number;
  readonly jsRaw: number;
  readonly jsGzip: number;
  readonly jsFiles: number;
  /** Scripts served from the browser's cache until ready. */
  readonly jsCached: number;
  /** 1-minute load average when the visit started. */
  readonly load: number;
}

const CLOCK_TICKS_PER_S = 100;

/**
 * CPU milliseconds (user + system) used so far by the Chromium processes started from this process (Linux
 * /proc; the node servers the bench also starts are left out).
 */
export function chromiumCpuMs(): number {
  const children = new Map<number, number[]>();
  const cpu = new Map<number, { ms: number; command: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // the process has gone
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(d);
    const parent = Number(f[1]);
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(pid);
    cpu.set(pid, { ms: ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS_PER_S, command });
  }
  let sum = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = cpu.get(pid);
    if (p && p.command !== 'node') sum += p.ms;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Cells whose highlight shows the rules computed, and the colour they then have (ours only). */
export interface HighlightProbe {
  readonly names: readonly string[];
  readonly colour: string;
}

/** ms since navigation at the first animation frame in which every probe cell shows the probe's colour. */
function highlightedAt(probe: HighlightProbe): Promise<number> {
  interface Range {
    getBackground(): string;
  }
  interface Api {
    getActiveWorkbook(): {
      getDefinedName(n: string): { getFormulaOrRefString(): string } | null;
      getSheetByName(n: string): { getRange(a1: string): Range };
    };
  }
  const api = (window as unknown as { univerAPI: Api }).univerAPI;
  const wb = api.getActiveWorkbook();
  const ranges = probe.names.map((n) => {
    const ref = wb.getDefinedName(n)!.getFormulaOrRefString();
    const bang = ref.lastIndexOf('!');
    return wb.getSheetByName(ref.slice(0, bang).replace(/^'|'$/g, '')).getRange(ref.slice(bang + 1).replace(/\$/g, ''));
  });
  const hex = (raw: string) => {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(raw);
    return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}` : raw;
  };
  return new Promise((resolve) => {
    const tick = () => {
      if (ranges.every((r) => hex(r.getBackground()).toUpperCase() === probe.colour.toUpperCase()))
        resolve(performance.now());
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Whether the page (ours or Univer's bare one) reports its sheet ready or failed. */
function readyFlag(bare: boolean): boolean {
  const w = window as unknown as {
    __bare?: { timings: { sheetReady: number | null } };
    __nianbao?: { timings: { sheetReady: number | null }; failure: string | null };
  };
  return bare
    ? w.__bare?.timings.sheetReady != null
    : w.__nianbao?.timings.sheetReady != null || !!w.__nianbao?.failure;
}

/** The visit's timings, read in the page once it is ready. */
function pageTimings(bare: boolean) {
  const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const w = window as unknown as {
    __bare?: { timings: { sheetReady: number } };
    __nianbao?: { timings: { sheetReady: number; paneRendered: number | null }; failure: string | null };
  };
  if (bare)
    return {
      sheetReady: w.__bare!.timings.sheetReady,
      paneRendered: null,
      sheetModule: null,
      rendered: null,
      commands: null,
      failure: null,
    };
  return {
    sheetReady: w.__nianbao!.timings.sheetReady,
    paneRendered: w.__nianbao!.timings.paneRendered,
    sheetModule: mark('sheet:module'),
    rendered: mark('sheet:rendered'),
    commands: mark('sheet:commands'),
    failure: w.__nianbao!.failure,
  };
}

interface ScriptSeen {
  readonly url: string;
  wire: number;
  cached: boolean;
  done: boolean;
}

/**
 * `visits` visits of one page in one fresh browser profile: the first cold, the rest warm (a new navigation to the
 * same address, as a clerk coming back). Waits up to 3 minutes per visit (a busy machine).
 */
export async function visitsOf(
  browser: Browser,
  url: string,
  bare: boolean,
  visits: number,
  probe?: HighlightProbe,
  /**
   * Ours only: work in progress (values by defined name) typed into the page after the last visit and kept (the
   * page's IndexedDB), then one more visit, a clerk coming back to a report under way; its figures come last.
   */
  returning?: Readonly<Record<string, string | number>>,
): Promise<Visit[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let scripts = new Map<string, ScriptSeen>();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, { url: e.request.url, wire: 0, cached: false, done: false });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const s = scripts.get(e.requestId);
      if (s) s.cached = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      const s = scripts.get(e.requestId);
      if (s && (e.response.fromDiskCache || e.response.fromPrefetchCache)) s.cached = true;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const s = scripts.get(e.requestId);
      if (s) {
        s.wire = e.encodedDataLength;
        s.done = true;
      }
    });
    const out: Visit[] = [];
    const all = returning && !bare ? visits + 1 : visits;
    for (let i = 0; i < all; i++) {
      if (i === visits)
        await page.evaluate(async (v) => {
          const session = window.__nianbao!.session!;
          await session.writeValues(new Map(Object.entries(v)));
          await session.flush();
        }, returning!);
      scripts = new Map();
      const load = loadavg()[0];
      const cpu0 = chromiumCpuMs();
      await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForFunction(readyFlag, bare, { timeout: 180_000, polling: 50 });
      const cpu = chromiumCpuMs() - cpu0;
      const t = await page.evaluate(pageTimings, bare);
      if (t.failure) throw new Error(t.failure);
      const highlighted = probe && !bare ? await page.evaluate(highlightedAt, probe) : null;
      const fetched = [...scripts].filter(([, s]) => s.done && !s.cached);
      const bodies = await bodiesOf(
        cdp,
        fetched.map(([id]) => id),
      );
      out.push({
        ...t,
        highlighted,
        cpu,
        load,
        jsWire: fetched.reduce((n, [, s]) => n + s.wire, 0),
        jsRaw: bodies.reduce((n, b) => n + b.length, 0),
        jsGzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
        jsFiles: fetched.length,
        jsCached: [...scripts.values()].filter((s) => s.cached).length,
      });
    }
    return out;
  } finally {
    await context.close();
  }
}

async function bodiesOf(cdp: CDPSession, ids: readonly string[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const requestId of ids) {
    try {
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId });
      out.push(Buffer.from(body, base64Encoded ? 'base64' : 'utf8'));
    } catch {
      // evicted from the inspector's buffer: counted on the wire only
    }
  }
  return out;
}
