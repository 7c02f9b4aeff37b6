// Waiting on a condition instead of a fixed sleep: a loaded 2-core machine may take far longer than usual, so a test
// waits for what it needs (polling), up to the Jest test timeout, and fails saying what it waited for.
const POLL_MS = 5;

/** Resolves once `condition()` is true; rejects with `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS)); // poll: the condition is looked at again
  }
}

/** Testing Library's waitFor options for this repository: a condition, never the library's 1 s default. */
export const WAIT = { timeout: 25_000 } as const;
