import { type Element, isTag } from 'domhandler';

/** Elements that hold a list's entries. */
const LIST_TAGS = new Set(['ul', 'ol', 'table', 'tbody', 'dl']);
/** Elements that are one entry, even when they hold two dated links: the list is above them. */
export const ENTRY_TAGS: ReadonlySet<string> = new Set(['li', 'tr', 'dd', 'dt']);
/** Table cells side by side are a layout's columns (a sidebar beside the column's list): never one list. */
const CELLS = new Set(['td', 'th']);
const CSS_NAME = /^-?[A-Za-z_][\w-]*$/;
/** Enough classes to tell a page's lists apart, few enough to keep the key short. */
const MAX_CLASSES = 2;

/**
 * Which list each entry belongs to, as the CSS path of the element holding the list: the nearest
 * ancestor that is a list (ul, ol, table, tbody, dl) or that holds another entry too (a div of
 * div.item), widened to the parent when that parent holds several of the same shape holding entries (a
 * list printed as two <ul> halves, a grid's rows); 'body' when nothing below it holds the entry with
 * another. Entries of one list share a key; a page's lists (the column's own, a sidebar's 最新动态)
 * get different keys.
 */
export function listKeys(entries: readonly Element[]): Map<Element, string> {
  const held = new Map<Element, number>();
  for (const entry of entries) {
    for (const ancestor of ancestorsOf(entry)) held.set(ancestor, (held.get(ancestor) ?? 0) + 1);
  }
  const keys = new Map<Element, string>();
  const paths = new Map<Element, string>();
  for (const entry of entries) {
    const list = ancestorsOf(entry).find(
      (element) =>
        !ENTRY_TAGS.has(element.name) && (LIST_TAGS.has(element.name) || (held.get(element) ?? 0) > 1),
    );
    if (!list) {
      keys.set(entry, 'body');
      continue;
    }
    const holder = widened(list, held);
    const path = paths.get(holder) ?? cssPath(holder);
    paths.set(holder, path);
    keys.set(entry, path);
  }
  return keys;
}

function widened(list: Element, held: Map<Element, number>): Element {
  let widest = list;
  for (let parent = parentOf(widest); parent && !CELLS.has(widest.name); parent = parentOf(widest)) {
    const alike = parent.children.filter(
      (child) => isTag(child) && sameShape(child, widest) && held.has(child),
    );
    if (alike.length < 2) break;
    widest = parent;
  }
  return widest;
}

function sameShape(a: Element, b: Element): boolean {
  return a.name === b.name && (a.attribs.class ?? '').trim() === (b.attribs.class ?? '').trim();
}

/** The element's ancestors below <body>, nearest first. */
function ancestorsOf(element: Element): Element[] {
  const found: Element[] = [];
  for (let parent = parentOf(element); parent; parent = parentOf(parent)) found.push(parent);
  return found;
}

function parentOf(element: Element): Element | null {
  const parent = element.parent;
  return parent && isTag(parent) && parent.name !== 'body' && parent.name !== 'html' ? parent : null;
}

/** 'body>div.main>ul.list', with :nth-of-type(n) where siblings look the same. */
function cssPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) steps.unshift(step(node));
  return ['body', ...steps].join('>');
}

function step(element: Element): string {
  const classes = (element.attribs.class ?? '')
    .split(/\s+/)
    .filter((name) => CSS_NAME.test(name))
    .slice(0, MAX_CLASSES);
  const id = element.attribs.id;
  const own = `${element.name}${id && CSS_NAME.test(id) ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
  const siblings = (element.parent?.children ?? []).filter(
    (child): child is Element => isTag(child) && child.name === element.name,
  );
  const twins = siblings.filter((sibling) => sameShape(sibling, element) && sibling.attribs.id === id);
  return twins.length > 1 ? `${own}:nth-of-type(${siblings.indexOf(element) + 1})` : own;
}
