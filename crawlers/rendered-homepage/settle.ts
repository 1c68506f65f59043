import type { Page } from 'playwright';

export const TIMED_OUT: unique symbol = Symbol('timed out');

/** Resolves with the promise's value, or with TIMED_OUT after `ms` (the promise is left to itself). */
export async function raceTimer<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long the DOM must stay unchanged (no nodes or text added or removed) to count as written. */
export const DOM_QUIET_MS = 500;
/**
 * How long after the load event the DOM must have been quiet: scripts that draw on the load event
 * (the national badges' loaders among them) often wait a moment first.
 */
export const AFTER_LOAD_MS = 1_000;

/*
 * Only childList and characterData count: attribute changes are how carousels and scrolling news
 * tickers animate, forever, on most portals, and they write no new content. Quiet is measured from
 * the last change and from the load event, whichever came later: a page quiet before its load event
 * has not finished writing.
 */
const DOM_QUIET_SCRIPT = `new Promise((resolve) => {
  const quietMs = %QUIET%, afterLoadMs = %AFTER_LOAD%, capMs = %CAP%;
  const navigation = performance.getEntriesByType('navigation')[0];
  let loadedAt = document.readyState === 'complete' ? (navigation && navigation.loadEventEnd) || performance.now() : undefined;
  let changedAt = performance.now();
  let quietTimer;
  const finish = (quiet) => { observer.disconnect(); clearTimeout(quietTimer); clearTimeout(capTimer); resolve(quiet); };
  const arm = () => {
    clearTimeout(quietTimer);
    if (loadedAt === undefined) return;
    const due = Math.max(changedAt + quietMs, loadedAt + afterLoadMs);
    quietTimer = setTimeout(() => (performance.now() >= due - 1 ? finish(true) : arm()), due - performance.now());
  };
  const observer = new MutationObserver(() => { changedAt = performance.now(); arm(); });
  observer.observe(document, { childList: true, characterData: true, subtree: true });
  if (loadedAt === undefined) window.addEventListener('load', () => { loadedAt = performance.now(); arm(); }, { once: true });
  arm();
  const capTimer = setTimeout(() => finish(false), capMs);
})`;

async function waitForDomQuiet(page: Page, deadline: number): Promise<boolean> {
  // A script that navigates (location.href = …) destroys the context the observer ran in: start over.
  while (Date.now() < deadline) {
    const remaining = deadline - Date.now();
    const script = DOM_QUIET_SCRIPT.replace('%QUIET%', String(DOM_QUIET_MS))
      .replace('%AFTER_LOAD%', String(AFTER_LOAD_MS))
      .replace('%CAP%', String(remaining));
    try {
      // The Node-side timer also covers a page whose main thread is stuck and never answers.
      const quiet = await raceTimer(page.evaluate<boolean>(script), remaining + 200);
      return quiet === true;
    } catch (error) {
      if (page.isClosed() || !/context was destroyed|navigat/i.test(String(error))) return false;
      await page
        .waitForLoadState('domcontentloaded', { timeout: Math.max(1, deadline - Date.now()) })
        .catch(() => {});
    }
  }
  return false;
}

export interface Settled {
  waitedMs: number;
  cappedOut: boolean;
}

/**
 * Waits, after DOMContentLoaded, for script-written content: the `load` event, network quiet
 * (Playwright's networkidle: 500 ms without requests) and a DOM that stops changing, measured from
 * the load event on (`AFTER_LOAD_MS`) — all three at once, together never longer than `capMs`.
 */
export async function settlePage(page: Page, capMs: number): Promise<Settled> {
  const started = Date.now();
  const deadline = started + capMs;
  const reached = (wait: Promise<unknown>) =>
    wait.then(
      () => true,
      () => false,
    );
  const results = await Promise.all([
    reached(page.waitForLoadState('load', { timeout: capMs })),
    reached(page.waitForLoadState('networkidle', { timeout: capMs })),
    waitForDomQuiet(page, deadline),
  ]);
  return { waitedMs: Date.now() - started, cappedOut: results.includes(false) };
}
