// How the task pane learns that the user committed an edit. WPS drops a page's event listeners when the page
// closes, so SheetChange is registered once from the add-in's hidden main page (index.html), which outlives the pane.
// The main page bumps a revision counter in Application.PluginStorage (shared by all pages of the add-in) and, where
// the browser has it, posts on a BroadcastChannel; the pane reacts to the message and polls the counter as a safety
// net. Our own writes are bracketed by a guard in PluginStorage (and EnableEvents = false) so they never count as edits.
import type { EtApplication, EtListener, EtPluginStorage } from './et-api';

export const STORAGE_KEYS = {
  /** Number of user commits seen by the main page, as a decimal string. */
  revision: 'nianbao.editRevision',
  /** Set while the main page relays events; without it the pane listens itself. */
  relay: 'nianbao.relay',
  /** 'writing' during our own writes, then the time (ms) until which late events are still ours. */
  guard: 'nianbao.ownWrite',
} as const;

/** After our write returns, WPS may still deliver its SheetChange to another page: ignore events this long. */
export const OWN_WRITE_GRACE_MS = 400;

export interface EditChannel {
  post(revision: number): void;
  subscribe(listener: (revision: number) => void): () => void;
  close(): void;
}

export interface RelayOptions {
  readonly now?: () => number;
  /** null: no channel (polling only); undefined: a BroadcastChannel when the browser has one. */
  readonly channel?: EditChannel | null;
}

const CHANNEL_NAME = 'nianbao-wps-edits';

/** A BroadcastChannel (Chromium 54+) when present; WPS's embedded browser may lack it or isolate pages. */
export function broadcastChannel(): EditChannel | null {
  const BC = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (typeof BC !== 'function') return null;
  const ch = new BC(CHANNEL_NAME);
  return {
    post: (revision) => ch.postMessage(revision),
    subscribe: (listener) => {
      const on = (e: MessageEvent) => listener(Number(e.data));
      ch.addEventListener('message', on);
      return () => ch.removeEventListener('message', on);
    },
    close: () => ch.close(),
  };
}

function channelOf(options: RelayOptions): EditChannel | null {
  return options.channel === undefined ? broadcastChannel() : options.channel;
}

export function readRevision(storage: EtPluginStorage): number {
  const n = Number(storage.getItem(STORAGE_KEYS.revision) || 0);
  return Number.isFinite(n) ? n : 0;
}

function bump(storage: EtPluginStorage): number {
  const next = readRevision(storage) + 1;
  storage.setItem(STORAGE_KEYS.revision, String(next));
  return next;
}

export function ownWriteActive(storage: EtPluginStorage, now: () => number = Date.now): boolean {
  const g = storage.getItem(STORAGE_KEYS.guard);
  if (!g) return false;
  return g === 'writing' || now() < Number(g);
}

/**
 * Marks the start of our own writes; the returned function marks the end. Events in between (and shortly after) are
 * not edits. EnableEvents is switched off too where WPS has it, which saves WPS from sending them at all.
 */
export function beginOwnWrite(app: EtApplication, now: () => number = Date.now): () => void {
  const storage = app.PluginStorage;
  storage.setItem(STORAGE_KEYS.guard, 'writing');
  const events = app.EnableEvents;
  const toggle = typeof events === 'boolean';
  if (toggle) app.EnableEvents = false;
  return () => {
    if (toggle) app.EnableEvents = events;
    storage.setItem(STORAGE_KEYS.guard, String(now() + OWN_WRITE_GRACE_MS));
  };
}

/** Main page: relay user edits to every page of the add-in. Returns a stop function. */
export function startEditRelay(app: EtApplication, options: RelayOptions = {}): () => void {
  const now = options.now ?? Date.now;
  const storage = app.PluginStorage;
  const channel = channelOf(options);
  const onEdit: EtListener = () => {
    if (ownWriteActive(storage, now)) return;
    const revision = bump(storage);
    channel?.post(revision);
  };
  const onWorkbook: EtListener = () => channel?.post(bump(storage));
  app.ApiEvent.AddApiEventListener('SheetChange', onEdit);
  app.ApiEvent.AddApiEventListener('WorkbookActivate', onWorkbook);
  storage.setItem(STORAGE_KEYS.relay, '1');
  return () => {
    app.ApiEvent.RemoveApiEventListener('SheetChange', onEdit);
    app.ApiEvent.RemoveApiEventListener('WorkbookActivate', onWorkbook);
    storage.removeItem(STORAGE_KEYS.relay);
    channel?.close();
  };
}

/** Asks every page to re-check, as if the user had edited (the ribbon's 校验 button). */
export function requestCheck(app: EtApplication, options: RelayOptions = {}): void {
  const channel = channelOf(options);
  const revision = bump(app.PluginStorage);
  channel?.post(revision);
  channel?.close();
}

export interface WatchOptions extends RelayOptions {
  /** How often the pane looks at the revision counter when no message arrives. */
  readonly pollMs?: number;
}

/**
 * Pane side: calls `listener` once per new revision. Listens to SheetChange itself when no main page relays (an
 * install where WPS did not load index.html), so edits are still seen while the pane is open.
 */
export function watchUserEdits(app: EtApplication, listener: () => void, options: WatchOptions = {}): () => void {
  const now = options.now ?? Date.now;
  const storage = app.PluginStorage;
  const channel = channelOf(options);
  let seen = readRevision(storage);
  const check = () => {
    const revision = readRevision(storage);
    if (revision === seen) return;
    seen = revision;
    listener();
  };
  const unsubscribe = channel?.subscribe(check);
  let direct: (() => void) | null = null;
  if (!storage.getItem(STORAGE_KEYS.relay)) {
    const onEdit: EtListener = () => {
      if (ownWriteActive(storage, now)) return;
      bump(storage);
      check();
    };
    app.ApiEvent.AddApiEventListener('SheetChange', onEdit);
    direct = () => app.ApiEvent.RemoveApiEventListener('SheetChange', onEdit);
  }
  const timer = setInterval(check, options.pollMs ?? 500);
  return () => {
    clearInterval(timer);
    unsubscribe?.();
    channel?.close();
    direct?.();
  };
}
