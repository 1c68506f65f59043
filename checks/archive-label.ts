import type { CrawledPage } from '../crawlers/artifacts.ts';
import { isSameSite } from '../crawlers/url.ts';
import type { Site } from '../src/registry/site.ts';
import { type CheckResult, defineCheck, type Finding } from './check.ts';
import { findDates } from './lib/dates.ts';
import { pageAnswer, unusableReason } from './lib/pages.ts';
import { excerpt } from './lib/text.ts';

/** The archive date must be written this close to the 已归档 label to read as its date. */
const LABEL_DATE_DISTANCE = 80;
const LABEL = /已\s*归\s*档/g;
/** Words by which a page presents itself as archived. */
const ARCHIVED_WORDS = /已\s*归\s*档|归档时间|归档日期|历史归档/;
const ARCHIVE_SEGMENT = /^(archives?|guidang|lsgd)([-_]?\d+)?$/i;
/** An archive root's own index page: '/archive/', '/archive/index.html', '/archive/default.aspx'. */
const INDEX_FILE = /^(index|default)\.\w+$/i;

/**
 * Clause 4.4.3: archived pages stay reachable and show 已归档 with the archive time. The pages judged
 * are the crawled pages under the site's `archiveRoots` and any crawled page presented as archived
 * (archive words in its title or text, or an archive segment in its path). A root's own index page
 * (or that of an archive path segment such as /guidang/) lists the archive rather than being
 * archived, so it only has to be reachable.
 */
export const archiveLabel = defineCheck({
  meta: {
    id: 'archive-label',
    clause: '4.4.3',
    title: '归档网页注明“已归档”和归档时间',
    description:
      '归档后的页面应能正常访问，并在显著位置注明“已归档”和归档时间（日期）；检查归档目录下及自称已归档的已抓取页面，每个不合格页面一条记录。',
    appliesToText: '所有网站',
    appliesTo: () => true,
    requires: ['siteCrawl'],
  },
  run({ siteCrawl: crawl }, { site }): CheckResult {
    const failures: Finding[] = [];
    const undecided: Finding[] = [];
    for (const page of crawl.pages) {
      const place = archivePlace(page, site);
      if (place === null) continue;
      if (page.challenge !== undefined) {
        undecided.push({
          url: page.url,
          message: '归档页面被网站防护系统拦截，无法自动检查，需人工查看。',
          evidence: { why: place, answer: pageAnswer(page) },
        });
        continue;
      }
      const unreachable = unusableReason(page);
      if (unreachable !== null) {
        failures.push({
          url: page.url,
          message: `归档页面无法正常访问：${unreachable}。`,
          evidence: { why: place, answer: pageAnswer(page) },
        });
        continue;
      }
      if (place !== 'root-index') {
        const problem = labelProblem(page);
        if (problem !== null)
          failures.push({
            url: page.finalUrl,
            message: problem.message,
            evidence: { why: place, ...problem.evidence },
          });
      }
    }
    if (failures.length > 0) return { outcome: 'fail', findings: [...failures, ...undecided] };
    if (undecided.length > 0) return { outcome: 'review', findings: undecided };
    return { outcome: 'pass', findings: [] };
  },
});

type ArchivePlace = 'root-index' | 'under-archive-root' | 'presented-as-archived';

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
        return 'root-index';
      }
      if (path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) return 'under-archive-root';
    }
    const segments = path.split('/').filter((segment) => segment !== '');
    const archiveAt = segments.findIndex((segment) => ARCHIVE_SEGMENT.test(segment));
    if (archiveAt >= 0) {
      const rest = segments.slice(archiveAt + 1);
      return rest.length === 0 || (rest.length === 1 && INDEX_FILE.test(rest[0]!))
        ? 'root-index'
        : 'presented-as-archived';
    }
  }
  return presentsAsArchived(page) ? 'presented-as-archived' : null;
}

function sameSitePath(url: string, homepage: string): string | null {
  if (!isSameSite(url, homepage)) return null;
  try {
    return decodeURI(new URL(url).pathname);
  } catch {
    return new URL(url).pathname;
  }
}

/** Archive words in the title, or in the text beyond what the page's links say (a 历史归档 menu entry is not a label). */
function presentsAsArchived(page: CrawledPage): boolean {
  if (ARCHIVED_WORDS.test(page.title)) return true;
  const inText = countMatches(page.text);
  if (inText === 0) return false;
  return inText > page.links.reduce((n, link) => n + countMatches(link.text), 0);
}

function countMatches(text: string): number {
  return text.match(new RegExp(ARCHIVED_WORDS.source, 'g'))?.length ?? 0;
}

/** Null when the page shows 已归档 with a date next to it; otherwise what is missing, with the text seen. */
function labelProblem(page: CrawledPage): { message: string; evidence: Record<string, unknown> } | null {
  const labels = [...page.text.matchAll(LABEL)];
  const dates = findDates(page.text);
  for (const label of labels) {
    const start = label.index;
    const end = start + label[0].length;
    const date = dates.find(
      (d) => d.index + d.text.length >= start - LABEL_DATE_DISTANCE && d.index <= end + LABEL_DATE_DISTANCE,
    );
    if (date !== undefined) return null;
  }
  const first = labels[0];
  if (first !== undefined) {
    return {
      message: '页面注明了“已归档”，但附近没有归档时间。',
      evidence: {
        textAroundLabel: excerpt(page.text, first.index, first.index + first[0].length, LABEL_DATE_DISTANCE),
      },
    };
  }
  const hint = /归档|archive/i.exec(page.text);
  return {
    message: '归档页面没有注明“已归档”字样。',
    evidence: {
      pageTitle: page.title,
      ...(hint === null
        ? { textStart: excerpt(page.text, 0, 0, LABEL_DATE_DISTANCE * 2) }
        : {
            textAroundArchiveWord: excerpt(
              page.text,
              hint.index,
              hint.index + hint[0].length,
              LABEL_DATE_DISTANCE,
            ),
          }),
      datesOnPage: dates.slice(0, 5).map((d) => d.text),
    },
  };
}
