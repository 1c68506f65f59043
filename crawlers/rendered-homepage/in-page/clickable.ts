/** How a reader clicks a graphic (see the note at the top of `geometry.ts`: this runs in the browser). */
import type { Clickable } from '../../artifacts.ts';
import type { Memo } from './geometry.ts';

declare const styleOf: typeof import('./geometry.ts').styleOf;

/** A click listener of any kind on the element: an onclick attribute or property, or a listener added by script. */
export function listensToClicks(element: Element, memo: Memo): boolean {
  return (
    memo.clickTargets.has(element) ||
    element.hasAttribute('onclick') ||
    typeof (element as HTMLElement).onclick === 'function'
  );
}

/**
 * 'link' when a link around it leads somewhere (not `#` or `javascript:`), or it is an image map;
 * 'handler' when it has a click handler, or shows a pointer and its wrapper (up to three levels up,
 * below <body>) has one — as the national platforms' scripts draw their badges: an image whose
 * onclick opens the platform's page. Undefined when a click does nothing that can be seen.
 */
export function clickableBy(element: Element, memo: Memo): Clickable | undefined {
  const link = element.closest('a[href]');
  if (link && !/^\s*(javascript:|#?\s*$)/i.test(link.getAttribute('href') ?? '')) return 'link';
  if (element.tagName === 'IMG' && element.hasAttribute('usemap')) return 'link';
  if (listensToClicks(element, memo)) return 'handler';
  if (styleOf(element, memo).cursor !== 'pointer') return undefined;
  let wrapper = element.parentElement;
  for (let level = 0; wrapper && wrapper !== document.body && level < 3; level++) {
    if (listensToClicks(wrapper, memo)) return 'handler';
    wrapper = wrapper.parentElement;
  }
  return undefined;
}
