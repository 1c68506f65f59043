const PAGE_EXTENSIONS = new Set([
  'html',
  'htm',
  'shtml',
  'xhtml',
  'jsp',
  'asp',
  'aspx',
  'php',
  'do',
  'action',
]);

/**
 * True when the URL most likely names a web page (no extension, a page extension or a trailing
 * slash): such targets are fetched with GET so that a soft 404 can be seen. Other targets (images,
 * scripts, stylesheets, attachments) are probed with HEAD.
 */
export function isPageLike(url: string): boolean {
  const { pathname } = new URL(url);
  if (pathname.endsWith('/')) return true;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  // Matrix parameters such as ;jsessionid=… are not part of the extension.
  const name = lastSegment.split(';')[0] ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return true;
  return PAGE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
