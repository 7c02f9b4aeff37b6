// The web e2e tests' shared set-up: `npm start`'s server on a free port, real chromium, one page opened on it and
// its sheet ready, all closed after the file's last test. Call withWebPage() at the top of a test file; the
// returned object's fields are there from the first test on.
import type { Browser, Page } from 'playwright-core';
import { openWebPage, startWebServer, READY_TIMEOUT_MS, type OpenedPage, type WebServer } from '../e2e/web-page';
import { launchChromium } from './chromium';

export interface WebPage {
  readonly server: WebServer;
  readonly browser: Browser;
  /** The page with what it asked for from elsewhere and the errors it threw. */
  readonly opened: OpenedPage;
  readonly page: Page;
}

export interface WebPageOptions {
  /** How long the sheet may take to be ready (a page on a loaded machine can take minutes). */
  readonly readyTimeoutMs?: number;
}

/** Building the page (start.mjs: webpack when dist/web is stale, ≤ 420 s), then its first load. */
const BUILD_MS = 420_000;

export function withWebPage(options: WebPageOptions = {}): WebPage {
  const ready = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  let set: WebPage | null = null;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  beforeAll(
    async () => {
      [server, browser] = await Promise.all([startWebServer(BUILD_MS), launchChromium()]);
      const opened = await openWebPage(browser, server.url, ready);
      set = { server, browser, opened, page: opened.page };
    },
    BUILD_MS + ready + 60_000,
  );
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const field = <K extends keyof WebPage>(k: K): WebPage[K] => {
    if (!set) throw new Error('withWebPage: the page is not open (its beforeAll failed or has not run)');
    return set[k];
  };
  return {
    get server() {
      return field('server');
    },
    get browser() {
      return field('browser');
    },
    get opened() {
      return field('opened');
    },
    get page() {
      return field('page');
    },
  };
}
