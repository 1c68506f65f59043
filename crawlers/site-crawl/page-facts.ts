import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { findOne, textContent } from 'domutils';
import type { LinkKind, PageForm, PageLink } from '../artifacts.ts';
import { encodingParseUrl } from '../encoding-parse-url.ts';
import { titleAndHeadings } from '../html-outline.ts';
import { normalizeUrl } from '../url.ts';
import { collapse, visibleText } from '../visible-text.ts';
import { anchorKind } from './resource-kind.ts';

export interface PageFacts {
  title: string;
  headings: string[];
  text: string;
  links: PageLink[];
  forms: PageForm[];
}

const MAX_TEXT_CHARS = 20_000;
const MAX_LINK_TEXT_CHARS = 200;
/**
 * The most links one page gives the crawl and the link check: far above a real page's (a big
 * portal's site map has a few thousand), and a bound for a page of a million links, each of which
 * would otherwise be kept and requested.
 */
export const MAX_LINKS_PER_PAGE = 5_000;
const LINK_SELECTOR = 'a[href], area[href], img[src], script[src], link[href], iframe[src], frame[src]';

/**
 * The title, h1–h3 headings, visible text, links and forms of a parsed page fetched from `pageUrl` and
 * decoded as `charset`. Its URLs are resolved as a browser does: a non-ASCII query in the page's charset.
 */
export function pageFacts($: CheerioAPI, pageUrl: string, charset = 'utf-8'): PageFacts {
  return {
    ...titleAndHeadings($),
    text: visibleText($, MAX_TEXT_CHARS),
    links: pageLinks($, pageUrl, charset),
    forms: pageForms($, pageUrl, charset),
  };
}

/** The URL relative links resolve against: the page's `<base href>` when it has a valid one. */
export function baseUrlOf($: CheerioAPI, pageUrl: string, charset = 'utf-8'): string {
  const href = baseHrefOf($);
  if (!href) return pageUrl;
  return encodingParseUrl(href.trim(), pageUrl, charset)?.href ?? pageUrl;
}

/** Each document's `<base href>`, looked for once: every reader of the page asks for it. */
const baseHrefs = new WeakMap<CheerioAPI, string | undefined>();

function baseHrefOf($: CheerioAPI): string | undefined {
  if (baseHrefs.has($)) return baseHrefs.get($);
  const href = $('base[href]').first().attr('href');
  baseHrefs.set($, href);
  return href;
}

/** Every http(s) link on the page, in document order, one per (url, kind), the first MAX_LINKS_PER_PAGE. */
export function pageLinks($: CheerioAPI, pageUrl: string, charset = 'utf-8'): PageLink[] {
  const base = baseUrlOf($, pageUrl, charset);
  const links = new Map<string, PageLink>();
  for (const element of $(LINK_SELECTOR).toArray()) {
    if (links.size >= MAX_LINKS_PER_PAGE) break;
    const found = linkOf(element, base, charset);
    if (!found) continue;
    const key = `${found.kind} ${found.url}`;
    const known = links.get(key);
    if (!known) links.set(key, found);
    else if (known.text === '') known.text = found.text;
  }
  return [...links.values()];
}

function linkOf(element: Element, base: string, charset: string): PageLink | undefined {
  const { attribs } = element;
  const target = (name: string, kind: (url: string) => LinkKind, text: string): PageLink | undefined => {
    const url = normalizeUrl(attribs[name] ?? '', base, charset);
    return url ? { url, kind: kind(url), text: collapse(text).slice(0, MAX_LINK_TEXT_CHARS) } : undefined;
  };
  const titled = attribs.title ?? attribs['aria-label'] ?? '';
  switch (element.name) {
    case 'a':
    case 'area': {
      // domutils rather than a cheerio wrapper for each of the page's links.
      const text =
        collapse(textContent(element)) ||
        findOne((child) => child.name === 'img' && child.attribs.alt !== undefined, element.children)?.attribs
          .alt ||
        titled;
      return target('href', anchorKind, text || (attribs.alt ?? ''));
    }
    case 'img':
      return target('src', () => 'image', attribs.alt || titled);
    case 'script':
      return target('src', () => 'script', '');
    case 'link':
      return isStylesheet(attribs.rel) ? target('href', () => 'stylesheet', titled) : undefined;
    default:
      return target('src', () => 'frame', titled || (attribs.name ?? ''));
  }
}

function isStylesheet(rel: string | undefined): boolean {
  return (rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet');
}

/** Forms with their resolved action, method, input types and names, and their visible wording. */
export function pageForms($: CheerioAPI, pageUrl: string, charset = 'utf-8'): PageForm[] {
  const base = baseUrlOf($, pageUrl, charset);
  return $('form')
    .toArray()
    .map((form) => {
      const rawAction = (form.attribs.action ?? '').trim();
      const fields = $(form).find('input, select, textarea').toArray();
      const wording = fields
        .map((field) => (isButton(field) ? field.attribs.value : field.attribs.placeholder) ?? '')
        .filter((words) => words !== '');
      return {
        action: normalizeUrl(rawAction || pageUrl, base, charset) ?? rawAction,
        method: (form.attribs.method ?? 'get').trim().toLowerCase() || 'get',
        inputs: fields.map((field) => `${fieldType(field)}:${field.attribs.name ?? ''}`),
        text: collapse([$(form).text(), ...wording].join(' ')),
      };
    });
}

function fieldType(field: Element): string {
  if (field.name !== 'input') return field.name;
  return (field.attribs.type ?? 'text').trim().toLowerCase() || 'text';
}

function isButton(field: Element): boolean {
  return field.name === 'input' && ['submit', 'button', 'reset', 'image'].includes(fieldType(field));
}
