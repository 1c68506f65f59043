import { access } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { FindingView } from '../adjudication/adjudicated-view.ts';
import { FINDING_STATES, type FindingAction, type FindingState } from '../adjudication/types.ts';
import type { Principal } from '../api/principal.ts';
import { reportRegionOf } from '../periods/period-report.ts';
import type { ResultsStore } from '../store/store.ts';
import { quarterOf } from '../sweep/period.ts';
import { type ApiFailure, callApi, formMessage } from './api-call.ts';
import { lastQuarters } from './overview-data.ts';
import { headerScreenshotFile } from './routes/evidence.ts';
import { CITY_REGION } from './scope.ts';
import { RULES } from './views/rule-names.ts';

const PERIOD = /^\d{4}(Q[1-4]|H[12])$/;
/** Quarters offered by the period selector, ending with the current one. */
const PERIOD_CHOICES = 6;

/** What a findings page lists: a period, and optionally a city-level region, a rule and a state. */
export interface FindingsFilter {
  period: string;
  region: string | null;
  ruleId: string | null;
  /** null: every state (on the review queue: those still waiting for a decision, open and appealed). */
  state: FindingState | null;
}

export type FilterQuery = Partial<Record<'period' | 'region' | 'ruleId' | 'state', string>>;

/** The filter a query (or a posted form) asks for, or undefined when one of its values is malformed. */
export function parseFilter(query: FilterQuery, today: Date): FindingsFilter | undefined {
  const { period, region, ruleId, state } = query;
  if (period && !PERIOD.test(period)) return undefined;
  if (region && !CITY_REGION.test(region)) return undefined;
  if (ruleId && !RULES.some((rule) => rule.id === ruleId)) return undefined;
  if (state && !FINDING_STATES.includes(state as FindingState)) return undefined;
  return {
    period: period || quarterOf(today),
    region: region || null,
    ruleId: ruleId || null,
    state: (state as FindingState) || null,
  };
}

/** A posted form's fields, as the dashboard's form parser gives them. */
export type FormBody = Record<string, string | string[] | undefined>;

/** A form field's first value, trimmed ('' when absent). */
export const formField = (value: FormBody[string]) => String([value].flat()[0] ?? '').trim();

/** The list a form was posted from, from its hidden filter fields; the default list when they are bad. */
export function postedFilter(body: FormBody, today: Date): FindingsFilter {
  const fields = Object.fromEntries(
    ['period', 'region', 'ruleId', 'state'].map((name) => [name, formField(body[name])]),
  );
  return parseFilter(fields, today) ?? parseFilter({}, today)!;
}

/** What the findings pages' routes are given. */
export interface FindingPagesOptions {
  store: ResultsStore;
  artifactDir: string;
  now: () => Date;
}

/** The filter as a query string ('period=2026Q2&region=5105'), for links and redirects. */
export function filterQuery(filter: FindingsFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({
    period: filter.period,
    region: filter.region ?? '',
    ruleId: filter.ruleId ?? '',
    state: filter.state ?? '',
    ...extra,
  }).filter(([, value]) => value !== '');
  return new URLSearchParams(entries).toString();
}

/** The quarters the selector offers: the six up to today's, and the one asked for if it is older. */
export function periodChoices(filter: FindingsFilter, today: Date): string[] {
  const recent = lastQuarters(quarterOf(today), PERIOD_CHOICES).reverse();
  return recent.includes(filter.period) ? recent : [filter.period, ...recent];
}

export interface ListedFindings {
  findings: FindingView[];
  /** Every appeal and decision on the findings listed, by finding id, oldest first. */
  history: Map<string, FindingAction[]>;
  /** The results ('sweepId/siteId') whose header screenshot, which a finding cites, is on disk. */
  screenshots: Set<string>;
  /** The API's refusal, when it would not list them. */
  error?: ApiFailure;
}

/**
 * The findings of the filter, as GET /findings gives them to the viewer (its reach, its validation),
 * with their histories. `undecidedOnly` (the queue's default view): of every state, the open and
 * appealed ones.
 */
export async function listFindings(
  request: FastifyRequest,
  store: ResultsStore,
  filter: FindingsFilter,
  artifactDir: string,
  undecidedOnly = false,
): Promise<ListedFindings> {
  const query = new URLSearchParams({ period: filter.period, limit: '10000' });
  if (filter.region) query.set('region', filter.region);
  if (filter.ruleId) query.set('ruleId', filter.ruleId);
  if (filter.state) query.set('state', filter.state);
  const answer = await callApi<{ findings: FindingView[] }>(request, {
    method: 'GET',
    path: `/findings?${query}`,
  });
  if (!answer.ok) return { findings: [], history: new Map(), screenshots: new Set(), error: answer.error };
  const findings =
    filter.state === null && undecidedOnly
      ? answer.body.findings.filter((f) => f.state === 'open' || f.state === 'appealed')
      : answer.body.findings;
  return {
    findings,
    history: await histories(store, findings),
    screenshots: await screenshotsOnDisk(artifactDir, findings),
  };
}

/** The key `ListedFindings.screenshots` holds a finding's result by. */
export function resultKey(finding: Pick<FindingView, 'sweepId' | 'siteId'>): string {
  return `${finding.sweepId}/${finding.siteId}`;
}

async function screenshotsOnDisk(
  artifactDir: string,
  findings: readonly FindingView[],
): Promise<Set<string>> {
  const cited = new Map(
    findings
      .filter((finding) => typeof finding.evidence.screenshot === 'string')
      .map((finding) => [resultKey(finding), finding] as const),
  );
  const present = await Promise.all(
    [...cited].map(async ([key, finding]) => {
      const file = headerScreenshotFile(artifactDir, finding.sweepId, finding.siteId);
      return file &&
        (await access(file).then(
          () => true,
          () => false,
        ))
        ? [key]
        : [];
    }),
  );
  return new Set(present.flat());
}

async function histories(
  store: ResultsStore,
  findings: readonly FindingView[],
): Promise<Map<string, FindingAction[]>> {
  const ids = new Set(findings.map((finding) => finding.id));
  const actions = await store.adjudication.actionsForSites([...new Set(findings.map((f) => f.siteId))]);
  const byFinding = new Map<string, FindingAction[]>();
  for (const action of actions) {
    if (!ids.has(action.findingId)) continue;
    byFinding.set(action.findingId, [...(byFinding.get(action.findingId) ?? []), action]);
  }
  return byFinding;
}

/** The registered sites' names by id, and the city-level regions a province viewer chooses between. */
export async function siteFacts(
  store: ResultsStore,
  viewer: Principal,
): Promise<{ names: Map<string, string>; regions: string[] }> {
  const sites = (await store.sites.list()).filter(viewer.reaches);
  const regions =
    viewer.role === 'province' ? [...new Set(sites.map((site) => reportRegionOf(site.region)))].sort() : [];
  return { names: new Map(sites.map((site) => [site.id, site.fullName])), regions };
}

/** A refused form's message, naming the finding a request about several refused (`findings[1].id`). */
export async function refusalMessage(
  store: ResultsStore,
  error: ApiFailure,
  findingIds: readonly string[],
  labels: Readonly<Record<string, string>>,
): Promise<string> {
  const index = /^findings\[(\d+)\]/.exec(error.field ?? '')?.[1];
  const id = index === undefined ? undefined : findingIds[Number(index)];
  if (id === undefined) return formMessage(error, labels);
  const siteId = await store.adjudication.siteOf(id);
  const site = siteId === undefined ? undefined : await store.sites.get(siteId);
  return `${site?.fullName ?? '所选问题'}：${error.message}`;
}
