/** The in-page extraction (see the note at the top of `geometry.ts`: this runs in the browser). */
import type { TopElement } from '../header-area.ts';
import type { ExtractedPage, ExtractionLimits, Placed } from '../page-extract.ts';
import type { Drawn, Memo } from './geometry.ts';

declare const collapseText: typeof import('./geometry.ts').collapseText;
declare const pageBox: typeof import('./geometry.ts').pageBox;
declare const newMemo: typeof import('./geometry.ts').newMemo;
declare const styleOf: typeof import('./geometry.ts').styleOf;
declare const ownTextBox: typeof import('./geometry.ts').ownTextBox;
declare const cssPath: typeof import('./geometry.ts').cssPath;
declare const hiddenReasonOf: typeof import('./visibility.ts').hiddenReasonOf;
declare const drawnOf: typeof import('./drawn.ts').drawnOf;
declare const placingBox: typeof import('./drawn.ts').placingBox;
declare const collectLinks: typeof import('./collect-links.ts').collectLinks;
declare const collectHiddenLinks: typeof import('./collect-hidden-links.ts').collectHiddenLinks;
declare const collectMetaRedirects: typeof import('./collect-hidden-links.ts').collectMetaRedirects;
declare const collectDrawnGraphics: typeof import('./collect-graphics.ts').collectDrawnGraphics;
declare const backgroundOf: typeof import('./collect-graphics.ts').backgroundOf;
declare const linkCheckedBackgrounds: typeof import('./collect-graphics.ts').linkCheckedBackgrounds;
declare const collectResources: typeof import('./collect-graphics.ts').collectResources;

/** Where an item is and whether a reader sees it; `place` positions hidden items for the header test. */
export function placement(element: Element, drawn: Drawn, memo: Memo): Placed {
  const box = drawn.box ?? pageBox(element.getBoundingClientRect());
  if (!drawn.reason) return { box, visible: true, place: box };
  return { box, visible: false, hiddenReason: drawn.reason, place: placingBox(element, memo) };
}

/**
 * An element's own text nodes, with a space where an element stood between two of them: the number
 * after '网站标识码：5108120001<br>' does not run on into the telephone number on the next line.
 */
export function ownText(element: Element): string {
  let text = '';
  let apart = false;
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      text += (apart && text !== '' ? ' ' : '') + (child.nodeValue ?? '');
      apart = false;
    } else if (child.nodeType === Node.ELEMENT_NODE) apart = true;
  }
  return text;
}

/** Walks the body once for texts, background images and the elements near the top of the page. */
export function collectPage(limits: ExtractionLimits, clickTargets: Element[]): ExtractedPage {
  const skipped = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'IFRAME', 'OBJECT'];
  const memo = newMemo(clickTargets);
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
    const text = collapseText(ownText(element)).slice(0, limits.textLength);
    if (text && texts.length < limits.texts) {
      const box =
        ownTextBox(element) ?? drawnOf(element, memo).box ?? pageBox(element.getBoundingClientRect());
      const drawn = { box, reason: hiddenReasonOf(element, box, memo) };
      const tag = element.tagName.toLowerCase();
      texts.push({ text, tag, selector: cssPath(element, memo), ...placement(element, drawn, memo) });
    }
    const style = styleOf(element, memo);
    const background = backgrounds.length < limits.graphics ? backgroundOf(element, style, memo) : null;
    if (background) backgrounds.push(background);
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
    hiddenLinks: collectHiddenLinks(limits, memo),
    redirects: collectMetaRedirects(),
    graphics,
    resources: collectResources(limits, linkCheckedBackgrounds(backgrounds)),
    topElements,
    truncated: visited >= limits.elements,
  };
}
