import type { IncomingMessage } from 'node:http';
import type {
  ArchiveLine,
  CrawledPage,
  HiddenLink,
  Letter,
  ListItem,
  PageRedirect,
  UndatedList,
} from '../artifacts.ts';
import { detectBotChallenge } from '../bot-challenge.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { judgeSoftNotFound } from '../soft-404/judge.ts';
import type { NotFoundPages } from '../soft-404/not-found-pages.ts';
import { normalizeUrl } from '../url.ts';
import { archiveLines } from './archive-lines.ts';
import { withDatastoreRecords } from './datastore-records.ts';
import type { ReadBody } from './decoding-crawler.ts';
import type { CrawlData } from './frontier.ts';
import { hiddenMarkupLinks, metaRedirects } from './hidden-markup.ts';
import { pageLetters } from './letters.ts';
import { pageListItems } from './list-items.ts';
import { type PageFacts, pageFacts } from './page-facts.ts';
import { validatorsOf } from './revalidation.ts';
import { undatedList } from './undated-list.ts';

const noFacts = (): PageFacts => ({ title: '', headings: [], text: '', links: [], forms: [] });

/**
 * The page as answered: status, decoding, facts (links and dated list entries only for a 2xx page that
 * is not a bot challenge), and whether a 2xx page is a missing page, compared with the host's answer for
 * a made-up missing URL (`notFound`).
 */
export async function answeredPage(
  url: string,
  data: CrawlData,
  response: IncomingMessage,
  body: ReadBody,
  notFound: NotFoundPages,
  reach: ReachRule,
  signal?: AbortSignal,
): Promise<CrawledPage> {
  const status = response.statusCode ?? null;
  const finalUrl = normalizeUrl(response.url ?? url) ?? url;
  const challenge =
    status === null
      ? undefined
      : detectBotChallenge(status, response.headers, body.decoded?.text ?? '', body.$);
  let facts = noFacts();
  let listItems: ListItem[] = [];
  let undated: UndatedList | undefined;
  let archived: ArchiveLine[] = [];
  let hiddenLinks: HiddenLink[] = [];
  let redirects: PageRedirect[] = [];
  let letters: Letter[] = [];
  if (body.$) {
    // Every reader sees the page as the browser shows it: 大汉's jpage lists written into place.
    const $ = withDatastoreRecords(body.$);
    const all = pageFacts($, finalUrl, body.decoded?.charset);
    const usable = status !== null && status >= 200 && status < 300 && !challenge;
    facts = usable ? all : { ...noFacts(), title: all.title, headings: all.headings };
    if (usable) {
      listItems = pageListItems($, finalUrl, body.decoded?.charset);
      undated = undatedList($, finalUrl, body.decoded?.charset);
      archived = archiveLines($, facts.title, facts.text);
      hiddenLinks = hiddenMarkupLinks($, finalUrl, body.decoded?.charset);
      redirects = metaRedirects($, finalUrl, body.decoded?.charset);
      letters = pageLetters($, finalUrl, body.decoded?.charset);
    }
  }
  const page: CrawledPage = {
    ...basePage(url, data, finalUrl),
    status,
    contentType: String(response.headers['content-type'] ?? ''),
    ...facts,
    listItems,
    ...(undated ? { undatedList: undated } : {}),
    ...(archived.length > 0 ? { archiveLines: archived } : {}),
    ...(hiddenLinks.length > 0 ? { hiddenLinks } : {}),
    ...(redirects.length > 0 ? { redirects } : {}),
    ...(letters.length > 0 ? { letters } : {}),
  };
  if (body.decoded) page.charset = body.decoded.charset;
  const validators = status !== null && status >= 200 && status < 300 && validatorsOf(response.headers);
  if (validators) page.validators = validators;
  if (challenge) page.challenge = challenge;
  else if (body.$ && status !== null && status >= 200 && status < 300) {
    const softNotFound = judgeSoftNotFound(
      { url, finalUrl, title: facts.title, text: facts.text, $: body.$ },
      await notFound.forPage(url, signal, reach),
    );
    if (softNotFound) page.softNotFound = softNotFound;
  }
  return page;
}

/** A page that gave no usable answer: its status when one came (a body too large), and the error code. */
export function failedPage(
  url: string,
  data: CrawlData,
  error: string,
  response: IncomingMessage | undefined,
): CrawledPage {
  return {
    ...basePage(url, data, normalizeUrl(response?.url ?? url) ?? url),
    status: response?.statusCode ?? null,
    error,
    contentType: String(response?.headers['content-type'] ?? ''),
    ...noFacts(),
  };
}

function basePage(url: string, data: CrawlData, finalUrl: string) {
  return {
    url,
    finalUrl,
    depth: data.depth,
    ...(data.referrer ? { referrer: data.referrer } : {}),
  };
}
