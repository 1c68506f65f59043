import type { AddressClass } from '../src/net/address-class.ts';

/**
 * The artifacts gatherers produce and checks read. Everything here is plain serializable data:
 * a check sees only these, never a live page or a socket.
 */

/** A box in CSS pixels, relative to the top-left of the whole page (not the viewport). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Why an element is not visible to a reader, when it is not. */
export type HiddenReason =
  | 'display-none'
  | 'visibility-hidden'
  | 'transparent'
  | 'zero-size'
  | 'off-page'
  | 'clipped';

/**
 * How a link is kept from readers (hidden-links): the browser's reasons, and the tricks of 暗链 that
 * leave a link drawn yet unseen: a font size of 0, text in the colour of its background, a frame of a
 * pixel or two, a marquee of no height.
 */
export type LinkHiding = HiddenReason | 'font-size-zero' | 'same-colour' | 'tiny-frame' | 'marquee';

/** A link to another host that readers do not see: a candidate 暗链, which hidden-links judges. */
export interface HiddenLink {
  /** Absolute URL. */
  target: string;
  text: string;
  title?: string;
  selector: string;
  how: LinkHiding;
  /** The element's outerHTML, at most 300 characters. */
  html: string;
  /**
   * True when what hides it is a menu's drop-down: a list or box hidden inside a menu entry (an `li`,
   * a `dd`) or named as a menu (nav, menu, sub, drop…), which the site shows on hover or click.
   */
  inMenu?: boolean;
}

/** The page sending its reader to another host by itself (hidden-links). */
export interface PageRedirect {
  /** Absolute URL. */
  target: string;
  by: 'meta-refresh' | 'script';
}

export interface RenderedText {
  /** The element's own text (its direct text nodes), whitespace collapsed. */
  text: string;
  tag: string;
  /** A short CSS path, for evidence. */
  selector: string;
  box: Box;
  visible: boolean;
  hiddenReason?: HiddenReason;
  /** True when the box lies in the header area (see `RenderedHomepage.headerArea`). */
  inHeader: boolean;
}

export interface RenderedLink {
  /** Absolute URL as the browser resolved it (fragment kept); '' for a link with no href. */
  href: string;
  text: string;
  title?: string;
  ariaLabel?: string;
  selector: string;
  /**
   * What the link draws: its own boxes, or, when those have no area (an inline <a> around a floated
   * or block image), the visible boxes of what it contains; `visible` is decided on the same boxes.
   */
  box: Box;
  visible: boolean;
  hiddenReason?: HiddenReason;
  inHeader: boolean;
}

/**
 * How a reader clicks a graphic: 'link', through a link around it that leads somewhere (or an image
 * map); 'handler', through a click handler on it (onclick, a script's listener), or on its wrapper
 * when it shows a pointer — the way the national platforms' scripts draw their badges.
 */
export type Clickable = 'link' | 'handler';

/**
 * Something drawn rather than written: an <img>, an inline <svg>, a <canvas> or a CSS background
 * image (of an element at least 32×32, the size of the national badges; smaller ones are icons).
 */
export interface RenderedGraphic {
  kind: 'img' | 'svg' | 'canvas' | 'background';
  /** Image URL for img/background, '' otherwise. */
  src: string;
  alt?: string;
  title?: string;
  ariaLabel?: string;
  selector: string;
  box: Box;
  visible: boolean;
  /** Why it is not visible, when it is not (absent in older artifacts). */
  hiddenReason?: HiddenReason;
  /** Absent when a click on it does nothing a reader can see (or in older artifacts). */
  clickable?: Clickable;
  inHeader: boolean;
}

/** A sub-resource the rendered homepage references (for link checking). */
export interface ResourceRef {
  url: string;
  kind: LinkKind;
}

export interface RenderedHomepage {
  /** The URL asked for. */
  url: string;
  /** The URL of the document finally rendered (after redirects and script reloads). */
  finalUrl: string;
  /** The status of the document finally rendered, once the page settled. */
  status: number | null;
  /**
   * The status of the first answer, when it was an error the browser got past: a WAF's 412/521 whose
   * script set a cookie and reloaded into the real page.
   */
  challengeStatus?: number;
  /** Present when the page finally rendered is itself a bot challenge (the browser did not get through). */
  challenge?: BotChallenge;
  /**
   * What the browser asked for and was not let through to, its host resolving to an address the
   * crawler may not go to (see `AddressRefusal`): sub-resources, preconnects, prefetches, scripts'
   * requests, redirects. `url` is the URL for plain HTTP, `https://host:port/` for a tunnel.
   */
  refusedRequests?: AddressRefusal[];
  title: string;
  viewport: { width: number; height: number };
  /**
   * The header area (头部标识区域) as decided on this page: its box, and how it was found
   * ('landmark' when a <header>/role=banner/header-like container near the top was used,
   * 'top-band' when only the fixed top band was).
   */
  headerArea: { box: Box; method: 'landmark' | 'top-band'; selector?: string };
  texts: RenderedText[];
  links: RenderedLink[];
  graphics: RenderedGraphic[];
  resources: ResourceRef[];
  /** Links to other hosts a reader does not see (at most 200); absent when none (and in older artifacts). */
  hiddenLinks?: HiddenLink[];
  /** Meta refreshes and script navigations of the page to other hosts; absent when none. */
  redirects?: PageRedirect[];
  /** Milliseconds spent waiting for script-written content, and whether the hard cap cut the wait. */
  settle: { waitedMs: number; cappedOut: boolean };
  /** PNG of the header area; the inspection stores it and puts its path in the evidence. */
  headerScreenshot?: Uint8Array;
  /** Filled in by the inspection once the screenshot is stored. */
  headerScreenshotPath?: string;
}

export type LinkKind = 'anchor' | 'image' | 'script' | 'stylesheet' | 'frame' | 'attachment' | 'other';

/** One link as it appears on a page. */
export interface PageLink {
  /** Absolute URL, fragment removed, session ids stripped. */
  url: string;
  kind: LinkKind;
  /** Anchor text or alt text, whitespace collapsed, at most 200 characters. */
  text: string;
}

export interface PageForm {
  action: string;
  method: string;
  /** Input types and names, e.g. "text:q", "search:keyword", "hidden:channel". */
  inputs: string[];
  /** Text inside the form (labels, button text), collapsed. */
  text: string;
}

export interface CrawledPage {
  /** The URL requested (normalized). */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  /** HTTP status, or null when no response came (see `error`). */
  status: number | null;
  /** Network-level error code when there was no usable response: ECONNREFUSED, TIMEOUT, REDIRECT_LOOP, … */
  error?: string;
  contentType: string;
  /** The charset the body was decoded with (e.g. 'gb18030', 'utf-8'). */
  charset?: string;
  title: string;
  /** h1–h3 texts. */
  headings: string[];
  /** Visible body text, collapsed, at most 20 000 characters. */
  text: string;
  links: PageLink[];
  forms: PageForm[];
  /** Clicks from the homepage (the homepage is 0; seeds given by the inspection are 1). */
  depth: number;
  referrer?: string;
  /** Present when a 200 page is a missing page (a soft 404). */
  softNotFound?: SoftNotFound;
  /** Present when a WAF/bot challenge answered instead of the page. */
  challenge?: BotChallenge;
  /**
   * The lines of its text that carry archive words (归档), as a reader sees them: what archive-label reads
   * (a label and its date belong together when one line prints them). Absent when none does.
   */
  archiveLines?: ArchiveLine[];
  /** The dated entries of the page's lists (news, notices, files), as the page prints them; at most 100. */
  listItems?: ListItem[];
  /** The page's largest list of articles that prints no date at all; absent when none (and in older artifacts). */
  undatedList?: UndatedList;
  /** Present when `error` is ADDRESS_REFUSED: the page, or a redirect on the way, was not requested. */
  refused?: AddressRefusal;
  /** Links to other hosts that the page's own markup hides (inline styles, at most 50); absent when none. */
  hiddenLinks?: HiddenLink[];
  /** A meta refresh to another host; absent when none. */
  redirects?: PageRedirect[];
  /**
   * The letters (留言, 来信) of a letter box the page prints: the rows of its letter list, or the letter
   * of a detail page; at most 100. Absent when none (and in older artifacts).
   */
  letters?: Letter[];
  /**
   * The answer's `ETag` and `Last-Modified`, kept with the facts of a 2xx page so that the next sweep
   * can ask for it conditionally; absent when the server sent neither.
   */
  validators?: PageValidators;
  /**
   * True when the server answered the conditional request with 304 Not Modified: the facts are the
   * previous sweep's, which the unchanged page still holds.
   */
  revalidated?: true;
}

export interface PageValidators {
  etag?: string;
  lastModified?: string;
}

/**
 * One letter of a consultation column (县长信箱, 在线咨询) as the page prints it: its question date and
 * its reply date or state, unparsed (reading them is interaction-response's job).
 */
export interface Letter {
  title: string;
  /** Absolute URL of the letter's own page; the page's own for a detail page or a row without a link. */
  url: string;
  /** The question's date as printed (留言时间, 来信时间): '2026-03-14', '2026-03-14 10:22:31'. */
  askedText: string;
  /** The reply's date as printed (回复时间, 答复时间, 办结时间); absent when none is printed. */
  repliedText?: string;
  /** The state as printed: 已回复, 已办结, 未回复, 办理中, 待回复…; absent when none is printed. */
  state?: string;
  /** Where it was read: a list with a header row, a list row with labels or a state, a detail page. */
  from: 'table' | 'list' | 'detail';
}

/**
 * A request not made: its host resolves to a private, loopback, link-local, CGNAT, multicast or
 * reserved address that is neither one of the site's own homepage addresses nor in the operator's
 * `CRAWL_ALLOW_NETWORKS`. A defaced page must not turn the inspector against the network it runs in.
 */
export interface AddressRefusal {
  /** The host as the URL names it (an IP host without brackets). */
  host: string;
  /** The address it resolves to, the first one refused. */
  address: string;
  addressClass: AddressClass;
  /** The URL not requested: the link's own, a redirect's target, the browser's request. */
  url: string;
}

/**
 * Why a page answered 200 is taken for a missing one (a soft 404): it is the host's own answer for a URL
 * that cannot exist (`not-found-page`), or it was redirected to the homepage where the host sends every
 * missing URL (`redirect`), or, whatever the host does, a short page's title or text says it does not
 * exist (`wording`).
 */
export interface SoftNotFound {
  /** What gave it away, in Chinese: '标题：页面不存在', '与本站不存在网页的应答一致（…）'. */
  evidence: string;
  by: 'not-found-page' | 'redirect' | 'wording';
  /** The host's answer it matched (`not-found-page`, `redirect`). */
  fingerprint?: NotFoundFingerprint;
  /** How close it came to that answer (`not-found-page`): title similarity, text similarity, lengths. */
  likeness?: { title: number; text: number; differing: number; lengths: [page: number, notFound: number] };
}

/** How a host answers a URL made up to be missing: asked once per host per sweep. */
export interface NotFoundFingerprint {
  /** The made-up URL (a random name beside the first page of the host that needed it). */
  url: string;
  /** The status of the last answer, or the error code when none came. */
  status: number | string;
  finalUrl: string;
  redirects: string[];
  title: string;
  /** Characters of its visible text, whitespace dropped. */
  length: number;
  /** The start of its visible text. */
  textStart: string;
}

/** A line of a page's text with archive words: `<div class="gdxx">本页面已归档 归档时间：2023-06-30</div>`. */
export interface ArchiveLine {
  /** The line up to the next block element or `<br>`, collapsed; 200 characters at most (around the words). */
  text: string;
  /** Its words outside links ('' for a menu entry such as 历史归档), likewise bounded. */
  own: string;
  /** For a line ending with 归档时间/归档日期, the line after it (the value cell of a table), 40 characters at most. */
  next?: string;
}

/** One entry of a list page: a link with the date printed beside it. */
export interface ListItem {
  title: string;
  /** Absolute URL of the entry. */
  url: string;
  /** The date as printed, unparsed: '2026-11-20', '[11-20]', '2026年11月20日', '2026/11/20'. */
  dateText: string;
  /**
   * Which of the page's lists holds the entry: the CSS path of the list's element
   * ('body>div.main>ul.list'), the same for every entry of that list. Absent in older artifacts.
   */
  list?: string;
}

/**
 * A list of articles with no date printed anywhere in it (未注明信息发布时间): every entry one link to an
 * article's address (t20241120_1.html, /art/…), with a sentence for its title.
 */
export interface UndatedList {
  /** Where it is on the page ('body>div.main>ul.list'). */
  list: string;
  entries: number;
  /** Its entries' addresses, the first 20. */
  urls: string[];
  /** Its first three titles, for evidence. */
  titles: string[];
}

export interface BotChallenge {
  vendor: 'cloudflare' | 'waf-412' | 'waf-521' | 'generic';
  status: number;
  evidence: string;
}

export interface SiteCrawl {
  startUrl: string;
  pages: CrawledPage[];
  /** True when --max-pages stopped the crawl with URLs still queued. */
  truncated: boolean;
  /** URLs left out as likely crawler traps, with the reason (a sample, at most 50). */
  trapsSkipped: { url: string; reason: string }[];
  durationMs: number;
}

/** The verdict on one link target, established once per sweep. */
export interface LinkStatus {
  url: string;
  /** HTTP status of the last response, or an error code string (ECONNREFUSED, ENOTFOUND, TIMEOUT, REDIRECT_LOOP, TOO_MANY_REDIRECTS, a TLS code, …). */
  status: number | string;
  /**
   * broken: the reader gets nothing useful (4xx/5xx, no connection, timeout, loop, soft 404);
   * ok: it works; unverified: we could not tell (bot challenge, still busy after retries, refused).
   */
  verdict: 'ok' | 'broken' | 'unverified';
  finalUrl?: string;
  redirects: string[];
  method: 'HEAD' | 'GET' | 'crawl';
  softNotFound?: SoftNotFound;
  challenge?: BotChallenge;
  /**
   * The certificate problem of the target's host (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED,
   * UNABLE_TO_VERIFY_LEAF_SIGNATURE, …). The link is checked regardless, as a browser that repairs an
   * incomplete chain would reach it: the verdict follows the HTTP answer.
   */
  tlsError?: string;
  /** Set when the server kept answering 429/503 after the bounded retries. */
  busy?: { retries: number; lastRetryAfterSeconds?: number };
  /**
   * Set when the answer began (this HTTP status) and its body could not be read to the end: larger than
   * the crawl's cap once decompressed (TOO_LARGE), or not in by the request's deadline (TIMEOUT).
   */
  incomplete?: { httpStatus: number };
  /**
   * Set when the target, or a redirect on its way, was not requested (`status` ADDRESS_REFUSED, verdict
   * `unverified`): its host resolves to an address the crawler may not go to.
   */
  refused?: AddressRefusal;
  attempts: number;
  durationMs: number;
}

/** Where a target was linked from. */
export interface LinkOccurrence {
  page: string;
  target: string;
  kind: LinkKind;
  text: string;
}

export interface LinkStatuses {
  occurrences: LinkOccurrence[];
  /** Keyed by target URL. */
  statuses: Record<string, LinkStatus>;
  durationMs: number;
}

/** One request for the homepage by an availability probe: a GET with a 15 s limit, redirects followed. */
export interface HomepageProbe {
  /** When the probe started (ISO). */
  at: string;
  url: string;
  /** The homepage answered in time with a usable page (or a bot challenge a browser gets past). */
  ok: boolean;
  status?: number;
  /** Why it failed: TIMEOUT (15 s or more), ECONNREFUSED, ENOTFOUND, a TLS code, HTTP_503, … */
  error?: string;
  durationMs: number;
  /**
   * What the page said when it was a maintenance notice (`error` 'MAINTENANCE', not ok) or a firewall's
   * block page (`error` 'BLOCKED' on a probe that is ok: the server answered, refusing the prober). The
   * store keeps `error`, not this.
   */
  evidence?: string;
}

/** A run of consecutive failed probes: the homepage offline from the first to the last. */
export interface OfflineEpisode {
  from: string;
  to: string;
  probes: number;
}

/** The probes a day must hold to count toward the week the national method 站点无法访问 asks for. */
export const FULL_PROBE_DAY = 20;

/**
 * The homepage's availability over a window. In the service the window is the sweep's period so far,
 * probed on a schedule; in the one-shot CLI it is a single probe made during the inspection.
 */
export interface HomepageAvailability {
  method: 'single-probe' | 'scheduled-probes';
  from: string;
  to: string;
  probes: number;
  failures: number;
  /** Calendar days (Asia/Shanghai) with at least one probe. */
  daysProbed: number;
  /** Of those, the days with at least `FULL_PROBE_DAY` probes: the national method's "每天间隔性访问20次以上". */
  fullDays: number;
  /** Probes a firewall refused, left out of `probes` and `failures`. */
  blocked?: number;
  /** Failed probes, newest first, at most 20. */
  failedSamples: HomepageProbe[];
  /** Runs of two or more consecutive failures: the longest, at most 20, oldest first. */
  episodes: OfflineEpisode[];
  /** How many such runs the window holds in all. */
  episodeCount: number;
}

/** How the homepage's host answers over HTTPS and over plain HTTP. */
export interface TransportSecurity {
  /** The homepage's address with https: (the same host and path). */
  https: {
    url: string;
    status?: number;
    /** The connection failed: ECONNREFUSED, TIMEOUT, … (a certificate problem is `tlsError`). */
    error?: string;
    /** The certificate problem: CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, … */
    tlsError?: string;
    /** The certificate's validity end (ISO), when a certificate was presented. */
    validTo?: string;
  };
  /** The homepage's address with http:, redirects followed. */
  http: {
    url: string;
    status?: number;
    error?: string;
    finalUrl?: string;
    redirects: string[];
    /** The last answer was a WAF's or Cloudflare's challenge: where a browser goes past it is unknown. */
    challenge?: BotChallenge;
  };
}

/** One word tesseract read, with its confidence (0–100) and the height of its box in page pixels. */
export interface OcrWord {
  text: string;
  confidence: number;
  /** The word's box, in page pixels. */
  height: number;
  /** Absent in readings stored before issue 9 was finished. */
  width?: number;
}

/** One region of the header screenshot as tesseract read it. */
export interface OcrReading {
  /** The region, in page pixels: a graphic without text alternative, clamped to the header band. */
  region: Box;
  /** Tesseract's page segmentation mode (11 sparse text, 6 one block) and the enlargement used. */
  psm: number;
  scale: number;
  /** The lines read, in reading order, each as its words. */
  lines: { words: OcrWord[] }[];
}

/**
 * What OCR (tesseract, chi_sim) read in the header's graphics that carry no text alternative.
 * Gathered only when it can matter: the registered name is not in the header as text or text
 * alternative, and the header holds such a graphic.
 */
export interface HeaderOcr {
  engine: string;
  readings: OcrReading[];
  durationMs: number;
}

/** A gatherer's output: its artifact, or why it could not be made. */
export type Gathered<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Artifacts {
  renderedHomepage: Gathered<RenderedHomepage>;
  siteCrawl: Gathered<SiteCrawl>;
  linkStatuses: Gathered<LinkStatuses>;
  transport: Gathered<TransportSecurity>;
  availability: Gathered<HomepageAvailability>;
  /** Absent when it could not matter (see `HeaderOcr`); checks read it as an optional artifact. */
  headerOcr?: Gathered<HeaderOcr>;
}

export type ArtifactName = keyof Artifacts;
