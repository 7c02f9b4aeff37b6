// Real headless chromium as the tests and benches drive it: Debian's /usr/bin/chromium with the project's standard
// switches (no GPU, no background networking or component updates), so what a page loads is only what it asks for.
import { chromium, type Browser } from 'playwright-core';
import { TOOLS, requireTool } from './system-tools';

export const CHROMIUM_PATH = TOOLS.chromium.command;

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  requireTool(TOOLS.chromium);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** Runs `use` with a fresh chromium and closes it afterwards, whether `use` succeeds or throws. */
export async function withChromium<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}
