/** In-page collection of images and sub-resources (see `geometry.ts`: this runs in the browser). */
import type { LinkKind } from '../../artifacts.ts';
import type { ExtractedPage, ExtractionLimits } from '../page-extract.ts';
import type { Memo } from './geometry.ts';

declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const elementBox: typeof import('./geometry.ts').elementBox;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const placement: typeof import('./collect-page.ts').placement;

/** `<img>`, outermost inline `<svg>` and `<canvas>` elements (CSS backgrounds are found by the body walk). */
export function collectDrawnGraphics(limits: ExtractionLimits, memo: Memo): ExtractedPage['graphics'] {
  const graphics: ExtractedPage['graphics'] = [];
  const drawn = Array.from(document.querySelectorAll('img, svg, canvas')).filter(
    (element) => !(element.tagName === 'svg' && element.parentElement?.closest('svg')),
  );
  for (const element of drawn.slice(0, limits.graphics)) {
    const tag = element.tagName.toLowerCase();
    const svgTitle = tag === 'svg' ? element.querySelector(':scope > title')?.textContent : undefined;
    const title = svgTitle ?? element.getAttribute('title');
    graphics.push({
      kind: tag === 'img' ? 'img' : tag === 'svg' ? 'svg' : 'canvas',
      src: tag === 'img' ? (element as HTMLImageElement).currentSrc || (element as HTMLImageElement).src : '',
      alt: tag === 'img' ? (element.getAttribute('alt') ?? undefined) : undefined,
      title: title == null ? undefined : collapseText(title),
      ariaLabel: element.getAttribute('aria-label') ?? undefined,
      selector: cssPath(element, memo),
      ...placement(element, elementBox(element), memo),
    });
  }
  return graphics;
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
