import { compact } from './text.ts';

/** '公报' alone names the column only in a short menu label (公报, 市公报), not in 统计公报. */
const SHORT_LABEL_CHARS = 4;

/** A homepage link's labels, as the rendered homepage and the crawl both give them. */
export interface LinkLabels {
  text: string;
  title?: string;
  ariaLabel?: string;
}

/** True when a link's text, title or aria-label names the 政府公报 column (not a 统计公报 or 新闻公报). */
export function isGazetteLink(link: LinkLabels): boolean {
  return [link.text, link.title, link.ariaLabel].some((label) => {
    const text = compact(label ?? '');
    return (
      text.includes('政府公报') ||
      (text.length <= SHORT_LABEL_CHARS && text.includes('公报') && !/统计|新闻/.test(text))
    );
  });
}
