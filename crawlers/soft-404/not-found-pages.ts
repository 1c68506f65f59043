import type { ExchangeContext } from '../link-status/exchange.ts';
import { followRedirects } from '../link-status/follow.ts';
import { HostPoliteness, type Politeness } from '../link-status/politeness.ts';
import { type LinkCheckSettings, resolveLinkCheckSettings } from '../link-status/settings.ts';
import { LenientTlsAgent } from '../link-status/tls-agent.ts';
import type { ReachRule } from '../reach/reach-rule.ts';
import { HostNotFound, type MadeUpAnswer } from './host-not-found.ts';
import { madeUpUrl } from './made-up-url.ts';

export interface NotFoundPagesOptions {
  /** Timeouts, User-Agent and `--resolve` entries of the requests (the link check's). */
  settings?: Partial<LinkCheckSettings>;
  /** The sweep's per-host limits; without it, one of its own. */
  politeness?: Politeness;
  /** Bytes of the made-up URL's answer kept (default 256 KiB). */
  maxBodyBytes?: number;
}

/**
 * Kept per host for the whole sweep, and a sweep's link check reaches hundreds of hosts. A not-found page
 * is a few KiB; a longer answer is cut here, and no whole page is then within its length (no match).
 */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** The made-up URL's request gets at most this long (less when the settings allow less)… */
const REQUEST_LIMIT_MS = 10_000;
/**
 * …and a page waits at most this long for it (its request may first queue behind the host's other
 * requests): past it the page is judged without it, by its wording, and the request carries on for the
 * host's next pages. A crawled page's handler has 30 s in all.
 */
const WAIT_LIMIT_MS = 15_000;

/**
 * Each host's answer for a URL made up to be missing, asked once per host (scheme, name and port) and
 * kept: the sweep holds one, so every site's crawl and link check share it, and a host costs one request
 * per sweep. A host that could not be asked (timeout, refused) keeps that answer too: its pages are then
 * judged by their wording alone. The request goes where the asking site's reach rule lets it (a
 * redirect of the made-up URL to a refused address is not followed): hosts are kept per rule.
 */
export class NotFoundPages {
  private readonly hosts = new Map<string, Promise<HostNotFound>>();
  private readonly maxBodyBytes: number;
  private readonly contexts = new Map<string, ExchangeContext>();

  constructor(private readonly options: NotFoundPagesOptions = {}) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  /**
   * The not-found answer of the host serving `pageUrl`, asked for on first use; undefined when it has
   * not come within the wait limit. `reach` is the asking site's rule (default: the settings').
   * Rejects only when `signal` aborts.
   */
  forPage(pageUrl: string, signal?: AbortSignal, reach?: ReachRule): Promise<HostNotFound | undefined> {
    const rule = reach ?? this.options.settings?.reach;
    const scope = rule === undefined ? '' : JSON.stringify([rule.siteAddresses, rule.allowNetworks]);
    const key = `${scope}\n${new URL(pageUrl).origin}`;
    let host = this.hosts.get(key);
    if (host === undefined) {
      const url = madeUpUrl(pageUrl);
      host = this.ask(url, scope, rule).catch(
        () =>
          new HostNotFound({ url, status: 'NETWORK_ERROR', finalUrl: url, redirects: [], contentType: '' }),
      );
      this.hosts.set(key, host);
    }
    return awaitBounded(host, WAIT_LIMIT_MS, signal);
  }

  async close(): Promise<void> {
    const contexts = [...this.contexts.values()];
    this.contexts.clear();
    await Promise.allSettled(this.hosts.values());
    await Promise.all(contexts.map((context) => context.agent.close()));
  }

  private async ask(url: string, scope: string, reach: ReachRule | undefined): Promise<HostNotFound> {
    const context = this.exchangeContext(scope, reach);
    const readHtml = (status: number, headers: Record<string, string | string[] | undefined>) =>
      (status < 300 || status >= 400) && /html|^$/i.test(headerValue(headers['content-type']))
        ? this.maxBodyBytes
        : 0;
    const chain = await followRedirects(url, 'GET', readHtml, context);
    const answer: MadeUpAnswer = {
      url,
      status: chain.end.ok ? chain.end.status : chain.end.error,
      finalUrl: chain.finalUrl,
      redirects: chain.redirects,
      contentType: chain.end.ok ? headerValue(chain.end.headers['content-type']) : '',
      ...(chain.end.ok && chain.end.body ? { body: chain.end.body } : {}),
    };
    return new HostNotFound(answer);
  }

  private exchangeContext(scope: string, reach: ReachRule | undefined): ExchangeContext {
    let context = this.contexts.get(scope);
    if (context === undefined) {
      const given = resolveLinkCheckSettings({ ...this.options.settings, reach });
      const settings = { ...given, totalTimeoutMs: Math.min(given.totalTimeoutMs, REQUEST_LIMIT_MS) };
      context = {
        agent: new LenientTlsAgent(settings),
        politeness:
          this.options.politeness ??
          new HostPoliteness({
            concurrency: settings.concurrency,
            perHostConcurrency: settings.perHostConcurrency,
          }),
        settings,
      };
      this.contexts.set(scope, context);
    }
    return context;
  }
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** `promise`'s value, undefined once `limitMs` have passed, a rejection as soon as `signal` aborts. */
function awaitBounded<T>(promise: Promise<T>, limitMs: number, signal?: AbortSignal): Promise<T | undefined> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T | undefined>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve(undefined);
    }, limitMs);
    signal?.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
