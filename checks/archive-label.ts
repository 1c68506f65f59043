import type { CrawledPage } from '../crawlers/artifacts.ts';
import { isSameSite } from '../crawlers/url.ts';
import type { Site } from '../src/registry/site.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { labelProblem, namesTheArchiveOnly, presentsAsArchived } from './lib/archive-wording.ts';
import { pageAnswer, unusableReason } from './lib/pages.ts';

const ARCHIVE_SEGMENT = /^(archives?|guidang|lsgd|gdwz)([-_]?\d+)?$/i;
/** An archive root's own index page: '/archive/', '/archive/index.html', '/archive/default.aspx', index_2.html. */
const INDEX_FILE = /^(index|default)(_\d+)?\.\w+$/i;

/**
 * Clause 4.4.3: archived pages stay reachable and show 已归档 with the archive time. The pages judged
 * are the crawled pages under the site's `archiveRoots` and any crawled page whose own words present it
 * as archived (archive words in its title or in a line of its text outside links: a 历史归档 menu entry
 * is not a label). The archive's own index (a root's index page, an archive directory's index, a list
 * page named only 历史归档) lists the archive rather than being archived: it is not judged, and when it
 * does not exist that is no finding (linked, it is a broken link already; unlinked, nothing to report).
 *
 * A path segment such as /guidang/ or /archive/ outside the registered roots only suggests an archive:
 * such a page, when its wording says nothing of 归档, is at most `review`, never `fail`.
 *
 * The label and its time are read from the title and the text lines that carry archive words, as the
 * crawl recorded them (see `labelProblem`): a date elsewhere on the page is not the archive time. Only
 * the first 20 000 characters of text are read: a label further down is not found (and is hardly 显著位置).
 */
export const archiveLabel = defineCheck({
  meta: {
    id: 'archive-label',
    clause: '4.4.3',
    title: '归档网页注明“已归档”和归档时间',
    description:
      '归档后的页面应能正常访问，并在显著位置注明“已归档”和归档时间（日期）；检查归档目录下及自称已归档的已抓取页面（只看标题和正文前 20000 字），归档时间须属于该标注（“归档时间/归档日期”后的日期，或与“已归档”同一段文字中的日期），页面其他位置的日期不算；每个不合格页面一条记录。归档目录的首页（栏目列表页）不作检查，不存在时由失效链接检查负责。路径像归档目录（如 /guidang/）但未登记为归档目录、页面也未自称归档的，只判为需人工查看。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl'],
    // One finding per page. It rests on why the page counts as archived, how it answered and the
    // label line (or its absence); not on the dates listed elsewhere on the page.
    identity: {
      key: [],
      digest: [
        'evidence.why',
        'evidence.pathSegment',
        'evidence.answer.status',
        'evidence.answer.error',
        'evidence.answer.softNotFound?',
        'evidence.answer.challenge?',
        'evidence.textAroundLabel',
        'evidence.textAroundArchiveWord',
        'evidence.pageTitle',
      ],
    },
  },
  run({ siteCrawl: crawl }, { site }): CheckResult {
    const failures: Finding[] = [];
    const undecided: Finding[] = [];
    for (const page of crawl.pages) {
      const place = archivePlace(page, site);
      if (place === null || INDEXES.has(place.why)) continue;
      const byPathOnly = place.why === 'archive-path';
      const evidence = {
        why: place.why,
        ...(place.segment === undefined ? {} : { pathSegment: place.segment }),
      };
      if (page.challenge !== undefined) {
        undecided.push({
          url: page.url,
          message: '归档页面被网站防护系统拦截，无法自动检查，需人工查看。',
          evidence: { ...evidence, answer: pageAnswer(page) },
        });
        continue;
      }
      const unusable = unusableReason(page);
      if (unusable !== null) {
        (byPathOnly ? undecided : failures).push({
          url: page.url,
          message: byPathOnly
            ? `路径含归档目录“${place.segment}”的页面无法正常访问：${unusable}；该目录未登记为归档目录，需人工确认是否为归档页面。`
            : `归档页面无法正常访问：${unusable}。`,
          evidence: { ...evidence, answer: pageAnswer(page) },
        });
        continue;
      }
      const problem = labelProblem(page);
      if (problem === null) continue;
      if (byPathOnly) {
        undecided.push({
          url: page.finalUrl,
          message: `页面路径含归档目录“${place.segment}”，但页面未注明“已归档”，该目录也未登记为归档目录，需人工确认是否为归档页面。`,
          evidence: { ...evidence, ...problem.evidence },
        });
      } else {
        failures.push({
          url: page.finalUrl,
          message: problem.message,
          evidence: { ...evidence, ...problem.evidence },
        });
      }
    }
    if (failures.length > 0) return { outcome: 'fail', findings: [...failures, ...undecided] };
    if (undecided.length > 0) return { outcome: 'review', findings: undecided };
    return { outcome: 'pass', findings: [] };
  },
});

/** Why a page is judged: under a registered root (or its index), by its wording, or only by its path. */
interface ArchivePlace {
  why:
    | 'root-index'
    | 'under-archive-root'
    | 'presented-as-archived'
    | 'archive-column'
    | 'archive-path'
    | 'archive-path-index';
  /** The path segment that looks like an archive directory, for the path-only places. */
  segment?: string;
}

function archivePlace(page: CrawledPage, site: Site): ArchivePlace | null {
  const path = sameSitePath(page.url, site.homepage);
  if (path !== null) {
    for (const root of site.archiveRoots) {
      const prefix = root.startsWith('/') ? root : `/${root}`;
      const bare = prefix.replace(/\/+$/, '');
      if (
        path === bare ||
        path === `${bare}/` ||
        (path.startsWith(`${bare}/`) && INDEX_FILE.test(path.slice(bare.length + 1)))
      ) {
        return { why: 'root-index' };
      }
      if (path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return { why: 'under-archive-root' };
    }
    const segments = path.split('/').filter((segment) => segment !== '');
    const archiveAt = segments.findIndex((segment) => ARCHIVE_SEGMENT.test(segment));
    if (archiveAt >= 0) {
      const rest = segments.slice(archiveAt + 1);
      const segment = segments[archiveAt]!;
      if (rest.length === 0 || (rest.length === 1 && INDEX_FILE.test(rest[0]!))) {
        return { why: 'archive-path-index', segment };
      }
      if (!presentsAsArchived(page)) return { why: 'archive-path', segment };
    }
  }
  if (!presentsAsArchived(page)) return null;
  return namesTheArchiveOnly(page) && isIndexAddress(page.url)
    ? { why: 'archive-column' }
    : { why: 'presented-as-archived' };
}

/** The places that list the archive rather than being archived pages: never judged. */
const INDEXES = new Set<ArchivePlace['why']>(['root-index', 'archive-path-index', 'archive-column']);

/** A directory or its index page: '/col/col1234/', '/col/col1234/index.html', '/lsgd/default.aspx'. */
function isIndexAddress(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.endsWith('/') || INDEX_FILE.test(pathname.slice(pathname.lastIndexOf('/') + 1));
}

function sameSitePath(url: string, homepage: string): string | null {
  if (!isSameSite(url, homepage)) return null;
  try {
    return decodeURI(new URL(url).pathname);
  } catch {
    return new URL(url).pathname;
  }
}
