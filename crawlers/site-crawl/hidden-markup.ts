import type { CheerioAPI } from 'cheerio';
import render from 'dom-serializer';
import type { Element } from 'domhandler';
import type { HiddenLink, LinkHiding, PageRedirect } from '../artifacts.ts';
import { isSameSite, normalizeUrl } from '../url.ts';
import { collapse } from '../visible-text.ts';

/** The most hidden links kept for one page, and the longest outerHTML of one. */
const MAX_HIDDEN_LINKS = 50;
const HTML_CHARS = 300;
/** An offset this far left or up puts a box off the page (left:-9999px, text-indent:-5000px). */
const OFF_PAGE_PX = -500;

/** The value of a property in an inline style, lower-cased; undefined when it is not set. */
function inline(element: Element, property: string): string | undefined {
  const style = element.attribs.style;
  if (!style) return undefined;
  const match = style.match(new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i'));
  return match?.[1]?.trim().toLowerCase();
}

const px = (value: string | undefined) => (value === undefined ? Number.NaN : Number.parseFloat(value));

/** What an element's own markup does to hide itself and what it holds, as static HTML shows it. */
function ownHiding(element: Element): LinkHiding | null {
  if ('hidden' in element.attribs || inline(element, 'display') === 'none') return 'display-none';
  if (inline(element, 'visibility') === 'hidden') return 'visibility-hidden';
  if (px(inline(element, 'opacity')) === 0) return 'transparent';
  if (px(inline(element, 'text-indent')) <= OFF_PAGE_PX) return 'off-page';
  if (/absolute|fixed/.test(inline(element, 'position') ?? '')) {
    if (px(inline(element, 'left')) <= OFF_PAGE_PX || px(inline(element, 'top')) <= OFF_PAGE_PX)
      return 'off-page';
  }
  const clipped = /hidden|clip/.test(inline(element, 'overflow') ?? '');
  if (clipped && (px(inline(element, 'height')) === 0 || px(inline(element, 'width')) === 0))
    return 'zero-size';
  if (element.name === 'marquee') {
    const height = px(element.attribs.height ?? inline(element, 'height'));
    if (height <= 1) return 'marquee';
  }
  return null;
}

/**
 * Why the markup hides a link: its own or an ancestor's inline style, or a font size of 0 that no
 * element nearer the link sets back.
 */
function hidingOf(element: Element): Hiding | null {
  let fontSizeSet = false;
  for (
    let current: Element | null = element;
    current?.type === 'tag';
    current = current.parent as Element | null
  ) {
    const own = ownHiding(current);
    if (own) return { how: own, by: current };
    const fontSize = inline(current, 'font-size');
    if (fontSize !== undefined && !fontSizeSet) {
      if (px(fontSize) === 0) return { how: 'font-size-zero', by: current };
      fontSizeSet = true;
    }
  }
  return null;
}

interface Hiding {
  how: LinkHiding;
  /** The element whose markup hides it. */
  by: Element;
}

const MENU_NAME = /nav|menu|drop|sub|child|second|erji|xiala|popup/i;

/** A menu's drop-down: a hidden list or box inside a menu entry (li, dd), or it or its parent named as a menu. */
function isDropDown({ how, by }: Hiding): boolean {
  if (how !== 'display-none' && how !== 'visibility-hidden') return false;
  const parent = by.parent?.type === 'tag' ? (by.parent as Element) : null;
  const named = (element: Element | null) =>
    element !== null && MENU_NAME.test(`${element.attribs.id ?? ''} ${element.attribs.class ?? ''}`);
  return (parent !== null && /^(li|dd)$/.test(parent.name)) || named(by) || named(parent);
}

function frameHiding(frame: Element): LinkHiding | null {
  const size = (name: 'width' | 'height') => px(frame.attribs[name] ?? inline(frame, name));
  return size('width') <= 2 || size('height') <= 2 ? 'tiny-frame' : (hidingOf(frame)?.how ?? null);
}

/** A short CSS path: up to four steps, `tag#id` ending it, else `tag.firstClass`. */
function selectorOf(element: Element): string {
  const steps: string[] = [];
  for (
    let current: Element | null = element;
    current?.type === 'tag' && steps.length < 4;
    current = current.parent as Element | null
  ) {
    const { id, class: classes } = current.attribs;
    if (id) {
      steps.unshift(`${current.name}#${id}`);
      break;
    }
    const first = classes?.trim().split(/\s+/)[0];
    steps.unshift(first ? `${current.name}.${first}` : current.name);
    if (current.name === 'body') break;
  }
  return steps.join(' > ');
}

/**
 * The links and frames to other hosts that a page's own markup hides from readers (candidates of 暗链
 * for hidden-links): inline styles only, as a crawl without a browser sees them; at most 50.
 */
export function hiddenMarkupLinks($: CheerioAPI, pageUrl: string, charset = 'utf-8'): HiddenLink[] {
  const found: HiddenLink[] = [];
  for (const element of $('a[href], area[href], iframe[src]').toArray()) {
    if (found.length >= MAX_HIDDEN_LINKS) break;
    const frame = element.name === 'iframe';
    const target = normalizeUrl(element.attribs[frame ? 'src' : 'href'] ?? '', pageUrl, charset);
    if (!target || isSameSite(target, pageUrl)) continue;
    const hiding = frame ? null : hidingOf(element);
    const how = frame ? frameHiding(element) : (hiding?.how ?? null);
    if (!how) continue;
    const title = element.attribs.title;
    found.push({
      target,
      text: frame ? '' : collapse($(element).text()).slice(0, 200),
      ...(title ? { title: collapse(title) } : {}),
      selector: selectorOf(element),
      how,
      html: render(element, { encodeEntities: 'utf8' }).slice(0, HTML_CHARS),
      ...(hiding && isDropDown(hiding) ? { inMenu: true } : {}),
    });
  }
  return found;
}

/** A meta refresh of the page to another host. */
export function metaRedirects($: CheerioAPI, pageUrl: string, charset = 'utf-8'): PageRedirect[] {
  return $('meta[http-equiv]')
    .toArray()
    .flatMap((meta) => {
      if (meta.attribs['http-equiv']?.trim().toLowerCase() !== 'refresh') return [];
      const href = (meta.attribs.content ?? '').match(/url\s*=\s*['"]?([^'"\s]+)/i)?.[1];
      const target = href ? normalizeUrl(href, pageUrl, charset) : null;
      return target && !isSameSite(target, pageUrl) ? [{ target, by: 'meta-refresh' as const }] : [];
    });
}
