import type { CDPSession, Page } from 'playwright';
import type {
  Box,
  HiddenLink,
  HiddenReason,
  PageRedirect,
  RenderedGraphic,
  RenderedLink,
  RenderedText,
  ResourceRef,
} from '../artifacts.ts';
import { HEADER_RULES, type TopElement } from './header-area.ts';
import * as clickable from './in-page/clickable.ts';
import * as graphics from './in-page/collect-graphics.ts';
import * as hidden from './in-page/collect-hidden-links.ts';
import * as links from './in-page/collect-links.ts';
import * as collect from './in-page/collect-page.ts';
import * as drawn from './in-page/drawn.ts';
import * as geometry from './in-page/geometry.ts';
import * as visibility from './in-page/visibility.ts';
import { raceTimer, TIMED_OUT } from './settle.ts';

/** Where an item is and whether a reader sees it; `place` is the box that positions it on the page. */
export interface Placed {
  box: Box;
  visible: boolean;
  hiddenReason?: HiddenReason;
  place: Box | null;
}

type Extracted<T> = Omit<T, 'inHeader' | 'box' | 'visible' | 'hiddenReason'> & Placed;

/** What the in-page extraction returns: the artifact's lists before the header area is applied. */
export interface ExtractedPage {
  title: string;
  texts: Extracted<RenderedText>[];
  links: Extracted<RenderedLink>[];
  graphics: Extracted<RenderedGraphic>[];
  resources: ResourceRef[];
  hiddenLinks: HiddenLink[];
  /** Meta refreshes to other hosts (a script's redirects are seen from outside the page). */
  redirects: PageRedirect[];
  topElements: TopElement[];
  /** True when the element walk stopped at `limits.elements`. */
  truncated: boolean;
}

/** Caps that keep a huge portal from blowing up the artifact. */
export interface ExtractionLimits {
  elements: number;
  texts: number;
  textLength: number;
  links: number;
  linkTextLength: number;
  /** Hidden links to other hosts kept as candidates of 暗链. */
  hiddenLinks: number;
  /** The longest outerHTML of one kept as evidence. */
  hiddenLinkHtml: number;
  graphics: number;
  resources: number;
  topElements: number;
  /** Elements starting this far down or lower are not reported as header candidates. */
  topRegion: number;
  /** Header candidates this tall or less, and half the viewport wide, report their link texts. */
  stripHeight: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  elements: 60_000,
  texts: 5_000,
  textLength: 2_000,
  links: 3_000,
  linkTextLength: 200,
  hiddenLinks: 200,
  hiddenLinkHtml: 300,
  graphics: 2_000,
  resources: 3_000,
  topElements: 2_000,
  topRegion: HEADER_RULES.maxTop,
  stripHeight: HEADER_RULES.maxStripHeight,
};

/** Every function the in-page modules export (each file's helpers are exported for this). */
const IN_PAGE_FUNCTIONS = [geometry, visibility, drawn, clickable, links, hidden, graphics, collect].flatMap(
  (module) =>
    Object.values(module).filter(
      (value): value is (...args: never[]) => unknown => typeof value === 'function',
    ),
);

/*
 * One script with every in-page function declared by name. `__name` is the helper esbuild (tsx)
 * wraps named closures in; inside the page it must exist, and naming nothing is all it needs to do.
 */
const IN_PAGE_SOURCE = `var __name = (target) => target;\n${IN_PAGE_FUNCTIONS.map((f) => f.toString()).join('\n')}`;

/** Listeners of these events make an element act on a click. */
const CLICK_EVENTS = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchend']);
/**
 * A page listening on every list item need not hand them all over. Past this many, the last ones in
 * document order are kept: the footer's badges, and those scripts append to the end of the body.
 */
const MAX_CLICK_TARGETS = 3_000;

/**
 * Runs the extraction in the page through the devtools protocol, which also tells which elements
 * listen to clicks (a script's addEventListener leaves no trace the page itself could read), without
 * changing the page. Rejects when the page's script keeps the page busy past `timeoutMs`.
 */
export async function extractPage(
  page: Page,
  limits: ExtractionLimits,
  timeoutMs: number,
): Promise<ExtractedPage> {
  const session = await page.context().newCDPSession(page);
  try {
    const result = await raceTimer(extractThrough(session, limits), timeoutMs);
    if (result === TIMED_OUT) {
      throw new Error(`页面在 ${Math.round(timeoutMs / 1000)} 秒内未响应内容提取（页面脚本可能陷入死循环）`);
    }
    return result;
  } finally {
    // Not awaited: a page stuck in a loop may never answer.
    session.detach().catch(() => {});
  }
}

async function extractThrough(session: CDPSession, limits: ExtractionLimits): Promise<ExtractedPage> {
  const { result: document } = await session.send('Runtime.evaluate', { expression: 'document' });
  if (!document.objectId) throw new Error('the page has no document to extract');
  const targets = await clickTargets(session, document.objectId);
  const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
    objectId: document.objectId,
    functionDeclaration: `function (limits, ...clickTargets) {\n${IN_PAGE_SOURCE}\nreturn collectPage(limits, clickTargets);\n}`,
    arguments: [{ value: limits }, ...targets.map((objectId) => ({ objectId }))],
    returnByValue: true,
  });
  if (exceptionDetails) {
    throw new Error(
      `in-page extraction failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
    );
  }
  return result.value as ExtractedPage;
}

/** Remote handles of the elements with a click listener of any kind (onclick attributes included). */
async function clickTargets(session: CDPSession, documentId: string): Promise<string[]> {
  const { listeners } = await session.send('DOMDebugger.getEventListeners', {
    objectId: documentId,
    depth: -1,
  });
  const nodes = new Set<number>();
  for (const listener of listeners) {
    if (CLICK_EVENTS.has(listener.type) && listener.backendNodeId !== undefined)
      nodes.add(listener.backendNodeId);
  }
  const resolved = await Promise.all(
    [...nodes].slice(-MAX_CLICK_TARGETS).map((backendNodeId) =>
      session.send('DOM.resolveNode', { backendNodeId }).then(
        ({ object }) => object.objectId,
        () => undefined,
      ),
    ),
  );
  return resolved.filter((id): id is string => id !== undefined);
}
