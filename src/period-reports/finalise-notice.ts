import { createHash } from 'node:crypto';
import { renderNoticeCsv } from '../../reports/period/notice-csv.ts';
import { renderNoticeHtml } from '../../reports/period/notice-html.ts';
import { renderNoticeXlsx } from '../../reports/period/notice-xlsx.ts';
import type { NoticeScope, NoticeVersion, StoredNotice } from '../store/notices-repository.ts';
import type { ResultsStore } from '../store/store.ts';
import { loadPeriodReport } from './load-period-report.ts';
import type { NoticeModel, NoticeSeal } from './notice-model.ts';

/** What a finalised version stores as its content: the notice and who finalised which version when. */
export interface FinalisedContent extends NoticeScope {
  version: number;
  finalisedAt: string;
  finalisedBy: string;
  notice: NoticeModel;
}

export interface FinaliseNotice extends NoticeScope {
  by: string;
  at: Date;
}

/** The period has no result in the notice's scope: there is nothing to finalise. */
export class NothingToFinaliseError extends Error {
  override readonly name = 'NothingToFinaliseError';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Finalises the period notice (定稿) as it stands now, decisions applied, over every site of its scope:
 * stored as the next version with its HTML, CSV and XLSX, or, when its content is what the last version
 * holds (whatever the date), that version is answered and nothing is stored.
 */
export async function finaliseNotice(
  store: ResultsStore,
  request: FinaliseNotice,
): Promise<{ version: NoticeVersion; created: boolean }> {
  const { kind, period, region, by, at } = request;
  const notice = await loadPeriodReport(store, {
    kind,
    period,
    ...(region === null ? {} : { region }),
    reach: () => true,
    now: at,
  });
  if (notice.totals.inspected === 0) {
    throw new NothingToFinaliseError(`${notice.scopeName}${notice.periodText}没有检查结果，无法定稿。`);
  }
  const { issuedAt: _date, ...substance } = notice;
  return store.notices.finalise({
    kind,
    period,
    region,
    substanceHash: sha256(JSON.stringify(substance)),
    counts: notice.counts,
    by,
    at,
    async render(version) {
      const stored: FinalisedContent = {
        kind,
        period,
        region,
        version,
        finalisedAt: at.toISOString(),
        finalisedBy: by,
        notice,
      };
      const content = JSON.stringify(stored);
      const contentHash = sha256(content);
      const seal: NoticeSeal = { version, finalisedAt: stored.finalisedAt, contentHash };
      return {
        content,
        contentHash,
        html: renderNoticeHtml(notice, seal),
        csv: renderNoticeCsv(notice),
        xlsx: await renderNoticeXlsx(notice, seal),
      };
    },
  });
}

/** The notice a stored version holds, and its seal. */
export function storedNotice(stored: StoredNotice): { notice: NoticeModel; seal: NoticeSeal } {
  const content = JSON.parse(stored.content) as FinalisedContent;
  return {
    notice: content.notice,
    seal: { version: stored.version, finalisedAt: stored.finalisedAt, contentHash: stored.contentHash },
  };
}
