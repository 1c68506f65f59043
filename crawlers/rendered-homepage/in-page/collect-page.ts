/** The in-page extraction (see the note at the top of `geometry.ts`: this runs in the browser). */
import type { Box } from '../../artifacts.ts';
import type { TopElement } from '../header-area.ts';
import type { ExtractedPage, ExtractionLimits, Placed } from '../page-extract.ts';
import type { Memo } from './geometry.ts';

declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const pageBox: typeof import('./geometry.ts').pageBox;
declare const elementBox: typeof import('./geometry.ts').elementBox;
declare const ownTextBox: typeof import('./geometry.ts').ownTextBox;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const hiddenReasonOf: typeof import('./visibility.ts').hiddenReasonOf;
declare const placingBox: typeof import('./visibility.ts').placingBox;
declare const collectLinks: typeof import('./collect-links.ts').collectLinks;
declare const collectDrawnGraphics: typeof import('./collect-graphics.ts').collectDrawnGraphics;
declare const collectResources: typeof import('./collect-graphics.ts').collectResources;

/** Where an item is and whether a reader sees it; `place` positions hidden items for the header test. */
export function placement(element: Element, box: Box, memo: Memo): Placed {
  const reason = hiddenReasonOf(element, box, memo);
  if (!reason) return { box, visible: true, place: box };
  return { box, visible: false, hiddenReason: reason, place: placingBox(element, memo) };
}

/** Walks the body once for texts, background images and the elements near the top of the page. */
export function collectPage(limits: ExtractionLimits): ExtractedPage {
  const skipped = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'IFRAME', 'OBJECT'];
  const memo: Memo = { hiding: new Map(), steps: new Map(), places: new Map() };
  const texts: ExtractedPage['texts'] = [];
  const backgrounds: ExtractedPage['graphics'] = [];
  const topElements: TopElement[] = [];
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      skipped.includes((node as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let visited = 0;
  for (
    let node: Node | null = walker.currentNode;
    node && visited < limits.elements;
    node = walker.nextNode()
  ) {
    visited++;
    const element = node as Element;
    const own = Array.from(element.childNodes)
      .filter((child) => child.nodeType === Node.TEXT_NODE)
      .map((child) => child.nodeValue ?? '')
      .join('');
    const text = collapseText(own).slice(0, limits.textLength);
    if (text && texts.length < limits.texts) {
      const box = ownTextBox(element) ?? elementBox(element);
      const tag = element.tagName.toLowerCase();
      texts.push({ text, tag, selector: cssPath(element, memo), ...placement(element, box, memo) });
    }
    const style = getComputedStyle(element);
    const background = style.backgroundImage.match(/url\(\s*["']?([^"')]+)["']?\s*\)/);
    if (background?.[1] && backgrounds.length < limits.graphics) {
      const box = elementBox(element);
      if (box.width >= 100 && box.height >= 30) {
        backgrounds.push({
          kind: 'background',
          src: new URL(background[1], document.baseURI).href,
          title: element.getAttribute('title') ?? undefined,
          ariaLabel: element.getAttribute('aria-label') ?? undefined,
          selector: cssPath(element, memo),
          ...placement(element, box, memo),
        });
      }
    }
    const idClass = collapseText(`${element.id} ${element.getAttribute('class') ?? ''}`);
    const role = element.getAttribute('role');
    const tag = element.tagName.toLowerCase();
    if ((idClass || role || tag === 'header' || tag === 'nav') && topElements.length < limits.topElements) {
      const box = pageBox(element.getBoundingClientRect());
      if (box.y < limits.topRegion && box.height > 0 && !hiddenReasonOf(element, box, memo)) {
        const top: TopElement = { tag, role, idClass, selector: cssPath(element, memo), box };
        if (box.height <= limits.stripHeight && box.width >= innerWidth / 2) {
          top.links = Array.from(element.querySelectorAll('a, button'), (item) =>
            collapseText(item.textContent ?? ''),
          )
            .filter((text) => text !== '')
            .slice(0, 40);
        }
        topElements.push(top);
      }
    }
  }
  const graphics = [...collectDrawnGraphics(limits, memo), ...backgrounds].slice(0, limits.graphics);
  return {
    title: collapseText(document.title),
    texts,
    links: collectLinks(limits, memo),
    graphics,
    resources: collectResources(
      limits,
      backgrounds.map((b) => b.src),
    ),
    topElements,
    truncated: visited >= limits.elements,
  };
}
