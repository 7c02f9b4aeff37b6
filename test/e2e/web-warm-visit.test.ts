// A clerk's second visit (issue #15 item 1): `npm start`'s server names every script by its content hash and lets the
// browser keep it for a year (scripts/start.mjs), so the same browser profile coming back takes every script from
// its cache — nothing is fetched again — and the sheet starts with the whole report, as on the first visit.
import { TEMPLATE_MARKER_NAME, TEMPLATE_SHEET_NAME } from '../../src/report';
import { locate, waitForSheet } from './web-page';
import { withWebPage } from '../support/with-web-page';

jest.setTimeout(420_000);

const web = withWebPage();

test('the second visit takes every script from the browser cache and starts the same report', async () => {
  const { page } = web;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { url: string; cached: boolean }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: e.request.url, cached: false });
  });
  const fromCache = (id: string) => {
    const s = scripts.get(id);
    if (s) s.cached = true;
  };
  cdp.on('Network.requestServedFromCache', (e) => fromCache(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache) fromCache(e.requestId);
  });

  await page.goto(web.server.url);
  await waitForSheet(page);

  // main, the sheet library and the session chunks at least, all of them from the cache.
  expect(scripts.size).toBeGreaterThanOrEqual(3);
  expect([...scripts.values()].filter((s) => !s.cached).map((s) => s.url)).toEqual([]);
  expect((await locate(page, TEMPLATE_MARKER_NAME)).sheet).toBe(TEMPLATE_SHEET_NAME);
  expect(web.opened.pageErrors).toEqual([]);
});
