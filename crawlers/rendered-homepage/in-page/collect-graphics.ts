/** In-page collection of images and sub-resources (see `geometry.ts`: this runs in the browser). */
import type { LinkKind } from '../../artifacts.ts';
import type { ExtractedPage, ExtractionLimits } from '../page-extract.ts';
import type { Memo } from './geometry.ts';

type Graphic = ExtractedPage['graphics'][number];

declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const ownRectsBox: typeof import('./geometry.ts').ownRectsBox;
declare const pageBox: typeof import('./geometry.ts').pageBox;
declare const drawnOf: typeof import('./drawn.ts').drawnOf;
declare const boxHiding: typeof import('./visibility.ts').boxHiding;
declare const isOffPage: typeof import('./visibility.ts').isOffPage;
declare const placement: typeof import('./collect-page.ts').placement;
declare const clickableBy: typeof import('./clickable.ts').clickableBy;

/** `<img>`, outermost inline `<svg>` and `<canvas>` elements (CSS backgrounds are found by the body walk). */
export function collectDrawnGraphics(limits: ExtractionLimits, memo: Memo): Graphic[] {
  const graphics: Graphic[] = [];
  const drawn = Array.from(document.querySelectorAll('img, svg, canvas')).filter(
    (element) => !(element.tagName === 'svg' && element.parentElement?.closest('svg')),
  );
  for (const element of drawn.slice(0, limits.graphics)) {
    const tag = element.tagName.toLowerCase();
    const svgTitle = tag === 'svg' ? element.querySelector(':scope > title')?.textContent : undefined;
    const title = svgTitle ?? element.getAttribute('title');
    const clickable = clickableBy(element, memo);
    graphics.push({
      kind: tag === 'img' ? 'img' : tag === 'svg' ? 'svg' : 'canvas',
      src: tag === 'img' ? (element as HTMLImageElement).currentSrc || (element as HTMLImageElement).src : '',
      alt: tag === 'img' ? (element.getAttribute('alt') ?? undefined) : undefined,
      title: title == null ? undefined : collapseText(title),
      ariaLabel: element.getAttribute('aria-label') ?? undefined,
      selector: cssPath(element, memo),
      ...(clickable ? { clickable } : {}),
      ...placement(element, drawnOf(element, memo), memo),
    });
  }
  return graphics;
}

/**
 * The element's CSS background image, when the element is at least 32×32 — the national badges
 * drawn as backgrounds are about 110×55 and 55×65; list bullets, arrows and icons are smaller.
 */
export function backgroundOf(element: Element, style: CSSStyleDeclaration, memo: Memo): Graphic | null {
  const url = style.backgroundImage.match(/url\(\s*["']?([^"')]+)["']?\s*\)/)?.[1];
  if (!url) return null;
  const box = ownRectsBox(element) ?? pageBox(element.getBoundingClientRect());
  if (box.width < 32 || box.height < 32) return null;
  const clickable = clickableBy(element, memo);
  // The background is painted in the element's own box: its own overflow does not clip it.
  const reason = boxHiding(element, memo) ?? (isOffPage(box) ? 'off-page' : null);
  return {
    kind: 'background',
    src: new URL(url, document.baseURI).href,
    title: element.getAttribute('title') ?? undefined,
    ariaLabel: element.getAttribute('aria-label') ?? undefined,
    selector: cssPath(element, memo),
    ...(clickable ? { clickable } : {}),
    ...placement(element, { box, reason }, memo),
  };
}

/**
 * The backgrounds whose images are link-checked: those of content size (at least 100×30), as
 * before badge-sized ones were collected, so that link checking did not grow with them.
 */
export function linkCheckedBackgrounds(backgrounds: Graphic[]): string[] {
  return backgrounds.filter((b) => b.box.width >= 100 && b.box.height >= 30).map((b) => b.src);
}

/** The sub-resources the page references, http(s) only, each URL and kind once. */
export function collectResources(
  limits: ExtractionLimits,
  backgrounds: string[],
): ExtractedPage['resources'] {
  const found = new Map<string, { url: string; kind: LinkKind }>();
  const add = (raw: string | null | undefined, kind: LinkKind) => {
    if (!raw || found.size >= limits.resources) return;
    let url: string;
    try {
      url = new URL(raw, document.baseURI).href;
    } catch {
      return;
    }
    if (/^https?:/.test(url)) found.set(`${kind} ${url}`, { url, kind });
  };
  const attr = (selector: string, name: string, kind: LinkKind) => {
    for (const element of Array.from(document.querySelectorAll(selector)))
      add(element.getAttribute(name), kind);
  };
  for (const image of Array.from(document.images))
    add(image.currentSrc || image.getAttribute('src'), 'image');
  attr('script[src]', 'src', 'script');
  attr('link[rel~="stylesheet" i][href]', 'href', 'stylesheet');
  attr('link[rel~="icon" i][href]', 'href', 'image');
  attr('iframe[src], frame[src]', 'src', 'frame');
  attr('video[src], audio[src], video > source[src], audio > source[src], embed[src]', 'src', 'other');
  attr('video[poster]', 'poster', 'image');
  attr('object[data]', 'data', 'other');
  for (const url of backgrounds) add(url, 'image');
  return [...found.values()];
}
