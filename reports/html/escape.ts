const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. Everything from a site passes here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** The URL if it is an absolute http(s) URL fit to be a link's href, otherwise undefined (javascript:, data:, junk). */
export function safeHref(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:' ? url : undefined;
}

/** A link to an inspected page when the URL is safe to link to; the escaped URL as plain text otherwise. */
export function urlLink(url: string): string {
  const href = safeHref(url);
  const text = escapeHtml(url);
  return href === undefined
    ? `<span class="url">${text}</span>`
    : `<a class="url" href="${escapeHtml(href)}">${text}</a>`;
}
