import type { ExtractedPage, ExtractionLimits } from '../page-extract.ts';
import type { Memo } from './geometry.ts';

declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const drawnOf: typeof import('./drawn.ts').drawnOf;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const placement: typeof import('./collect-page.ts').placement;

/** A link's text as a reader gets it: its text and the alt text of images inside it. */
export function linkText(link: Element): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    else if ((node as Element).tagName === 'IMG')
      parts.push(` ${(node as Element).getAttribute('alt') ?? ''} `);
  }
  return collapseText(parts.join(''));
}

/** An image-map `<area>` has no box of its own: it is drawn by the image that uses its map. */
export function drawnBy(link: Element): Element {
  if (link.tagName !== 'AREA') return link;
  const map = link.closest('map');
  const name = map?.getAttribute('name');
  const image = name ? document.querySelector(`img[usemap="#${CSS.escape(name)}"]`) : null;
  return image ?? link;
}

export function collectLinks(limits: ExtractionLimits, memo: Memo): ExtractedPage['links'] {
  const links: ExtractedPage['links'] = [];
  for (const link of Array.from(document.querySelectorAll('a[href], area[href]')).slice(0, limits.links)) {
    const shown = drawnBy(link);
    links.push({
      href: (link as HTMLAnchorElement | HTMLAreaElement).href,
      text: (link.tagName === 'AREA' ? collapseText(link.getAttribute('alt') ?? '') : linkText(link)).slice(
        0,
        limits.linkTextLength,
      ),
      title: link.getAttribute('title') ?? undefined,
      ariaLabel: link.getAttribute('aria-label') ?? undefined,
      selector: cssPath(link, memo),
      ...placement(shown, drawnOf(shown, memo), memo),
    });
  }
  return links;
}
