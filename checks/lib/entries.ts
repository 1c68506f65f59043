import type { Clickable, HiddenReason, RenderedHomepage } from '../../crawlers/artifacts.ts';
import { compact } from './text.ts';
import { roundBox } from './visibility.ts';

/** What makes a homepage link or image an entry to something: words in its label, or its address. */
export interface EntryPattern {
  /** Words any of which, in a link's text, title or aria-label (whitespace ignored), make it an entry. */
  linkWords: readonly string[];
  /** Matched against a link's href. */
  href?: RegExp;
  /** Words any of which, in an image's alt, title or aria-label, make it an entry; images count only with these or `src`. */
  graphicWords?: readonly string[];
  /** Matched against an image's src. */
  src?: RegExp;
  /**
   * Matched against an element's CSS path, which names the nearest ancestor with an id: the
   * containers the national platforms' scripts draw their badges into (`span#_span_jiucuo`), whatever
   * the image is called on a site that copied it.
   */
  container?: RegExp;
}

/** A link or image of the homepage that is such an entry. */
export interface Entry {
  kind: 'link' | 'graphic';
  /** The label that matched, or the address when the address did. */
  label: string;
  /** The link's href or the image's src. */
  address: string;
  selector: string;
  visible: boolean;
  hiddenReason?: HiddenReason;
  /** For an image: how a reader clicks it (absent when a click does nothing). */
  clickable?: Clickable;
  box: { x: number; y: number; width: number; height: number };
}

/** Every link (and, when the pattern says so, image) of the homepage matching the pattern. */
export function findEntries(home: RenderedHomepage, pattern: EntryPattern): Entry[] {
  const byLabel = (labels: (string | undefined)[], words: readonly string[]) =>
    labels.find((label) => label !== undefined && words.some((w) => compact(label).includes(w)));
  const links = home.links.flatMap((link): Entry[] => {
    const label = byLabel([link.text, link.title, link.ariaLabel], pattern.linkWords);
    const byHref = pattern.href?.test(link.href) ?? false;
    const byContainer = pattern.container?.test(link.selector) ?? false;
    if (label === undefined && !byHref && !byContainer) return [];
    return [
      {
        kind: 'link',
        label: label ?? link.href,
        address: link.href,
        selector: link.selector,
        visible: link.visible,
        ...(link.hiddenReason === undefined ? {} : { hiddenReason: link.hiddenReason }),
        box: roundBox(link.box),
      },
    ];
  });
  if (pattern.graphicWords === undefined && pattern.src === undefined && pattern.container === undefined)
    return links;
  const graphics = home.graphics.flatMap((graphic): Entry[] => {
    const label = byLabel([graphic.alt, graphic.title, graphic.ariaLabel], pattern.graphicWords ?? []);
    const bySrc = pattern.src?.test(graphic.src) ?? false;
    const byContainer = pattern.container?.test(graphic.selector) ?? false;
    if (label === undefined && !bySrc && !byContainer) return [];
    return [
      {
        kind: 'graphic',
        label: label ?? graphic.src,
        address: graphic.src,
        selector: graphic.selector,
        visible: graphic.visible,
        ...(graphic.hiddenReason === undefined ? {} : { hiddenReason: graphic.hiddenReason }),
        ...(graphic.clickable === undefined ? {} : { clickable: graphic.clickable }),
        box: roundBox(graphic.box),
      },
    ];
  });
  return [...links, ...graphics];
}

/** "链接“…”" or "图片“…”", for messages. */
export function describeEntry(entry: Entry): string {
  return `${entry.kind === 'link' ? '链接' : '图片'}“${entry.label}”`;
}
