import { randomBytes } from 'node:crypto';

/** Extensions a page's own name may carry; anything else is asked for as .html. */
const PAGE_EXTENSIONS = /\.(s?html?|jsp|aspx?|php|do|action)$/i;

/**
 * A URL that cannot exist on the host of `pageUrl`, shaped like that page: a random name in its
 * directory, with its extension (`/art/2026/11/20/art_123_4567.html` → `/art/2026/11/20/3f9a….html`;
 * `/` → `/3f9a….html`), so that it reaches the handler the host's pages reach.
 */
export function madeUpUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  const directory = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  const name = url.pathname.slice(directory.length).split(';')[0]!;
  const extension = PAGE_EXTENSIONS.exec(name)?.[0] ?? '.html';
  return `${url.origin}${directory}${randomBytes(8).toString('hex')}${extension}`;
}

/** The made-up page's name: 16 hex digits and an extension (tests tell its request by it). */
export const MADE_UP_NAME = /^[0-9a-f]{16}\.\w+$/;
