import type { LinkKind } from '../artifacts.ts';

/** Downloadable documents as Chinese government sites publish them (OFD, WPS, CEB and CAJ included). */
const ATTACHMENT = new Set('pdf ofd doc docx wps xls xlsx zip rar 7z ppt pptx txt et ceb caj'.split(' '));
const IMAGE = new Set('jpg jpeg png gif bmp webp svg ico tif tiff'.split(' '));
/** Other files that are never HTML pages: not crawled, only link-checked. */
const OTHER_BINARY = new Set(
  'mp3 mp4 avi flv wmv mov swf wav exe apk msi dmg iso gz tgz tar bz2 css js json xml csv woff woff2 ttf eot'.split(
    ' ',
  ),
);

/** The lower-cased file extension of a URL's path, '' when it has none. */
export function extensionOf(url: string): string {
  const path = new URL(url).pathname;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** What an anchor points at, judged by the target's extension: a document, an image or a page. */
export function anchorKind(url: string): LinkKind {
  const extension = extensionOf(url);
  if (ATTACHMENT.has(extension)) return 'attachment';
  if (IMAGE.has(extension)) return 'image';
  return 'anchor';
}

/** True when the URL may be an HTML page worth fetching (by extension; the Content-Type decides later). */
export function mayBeHtml(url: string): boolean {
  const extension = extensionOf(url);
  return !ATTACHMENT.has(extension) && !IMAGE.has(extension) && !OTHER_BINARY.has(extension);
}
