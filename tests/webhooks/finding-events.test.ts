import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteResult } from '../../src/results.ts';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { type Harness, startHarness, waitFor, waitForSweep } from '../queue/support/harness.ts';
import { secretOf, type WebhookFlow, webhookFlow } from './support/flow.ts';
import { type Receiver, startReceiver } from './support/receiver.ts';
import { type WebhookApp, webhookApp } from './support/webhook-app.ts';

const FINDING_EVENTS = ['finding.appealed', 'finding.decided'] as const;
const HOMEPAGE = 'http://127.0.0.1:9/cd-portal/';

/** cd-portal failing header-full-name (showing `shownName`) and annual-report. */
function failing(shownName = '成都市政府'): SiteResult {
  const result = siteResult('cd-portal', ['header-full-name', 'annual-report']);
  return {
    ...result,
    checks: result.checks.map((check) =>
      check.ruleId === 'header-full-name'
        ? {
            ...check,
            findings: [
              { url: HOMEPAGE, message: '头部显示简称', evidence: { shownName: { text: shownName } } },
            ],
          }
        : check,
    ),
  };
}

describe('finding events', () => {
  let h: Harness;
  let flow: WebhookFlow;
  let api: WebhookApp;
  let receiver: Receiver | undefined;

  beforeEach(async () => {
    h = await startHarness();
    await h.store.sites.replaceAll(SITES);
    flow = webhookFlow(h);
    api = await webhookApp(h.store, h.config, true, {
      onFindingActions: flow.notifier.onFindingActions,
      now: () => new Date('2026-05-20T02:00:00Z'),
    });
  });

  afterEach(async () => {
    await api.close();
    await flow.close();
    await receiver?.close();
    receiver = undefined;
    await h.close();
  });

  const sweepOf = async (result: SiteResult) => {
    const id = await flow.sweep([result.siteId]);
    await flow.deliver(id, result);
    await waitForSweep(h.store, id);
    return id;
  };
  const findingsOf = async () => {
    const response = await api.as('province', {
      method: 'GET',
      url: '/api/v1/findings?period=2026Q2&siteId=cd-portal',
    });
    const byRule = Object.fromEntries(
      (response.json().findings as { ruleId: string; id: string }[]).map((f) => [f.ruleId, f.id]),
    );
    return byRule as Record<'header-full-name' | 'annual-report', string>;
  };
  const bodies = (path: string, type?: string) =>
    receiver!.received
      .filter((r) => r.path === path && (type === undefined || r.type === type) && r.answered === 200)
      .map((r) => JSON.parse(r.body));

  it('sends finding.appealed and finding.decided signed, one per finding, by region, retried after a 500', async () => {
    // The province's receiver answers its first request 500.
    receiver = await startReceiver((n, path) => (path === '/province' && n === 0 ? 500 : 200));
    await flow.subscribe(receiver.endpoint('province', secretOf(2)), secretOf(2), [...FINDING_EVENTS]);
    await flow.subscribe(
      receiver.endpoint('chengdu', secretOf(3)),
      secretOf(3),
      [...FINDING_EVENTS],
      '510100',
    );
    await flow.subscribe(
      receiver.endpoint('mianyang', secretOf(4)),
      secretOf(4),
      [...FINDING_EVENTS],
      '510700',
    );
    await flow.subscribe(receiver.endpoint('appeals', secretOf(5)), secretOf(5), ['finding.appealed']);
    const sweepId = await sweepOf(failing());
    const ids = await findingsOf();

    const appeal = await api.as('city', {
      method: 'POST',
      url: `/api/v1/findings/${ids['header-full-name']}/appeals`,
      payload: { reason: '头部图片中有网站全称' },
    });
    expect(appeal.statusCode).toBe(201);
    const decided = await api.as('province', {
      method: 'POST',
      url: '/api/v1/findings/decisions',
      payload: {
        findings: [{ id: ids['header-full-name'] }, { id: ids['annual-report'] }],
        verdict: 'overturned',
        reason: '核实无误，予以核减',
      },
    });
    expect(decided.statusCode).toBe(201);
    const [first, second] = decided.json().decisions as { id: string; batchId: string }[];
    flow.startWorker();

    await waitFor('every delivery', () => (receiver!.received.length === 3 + 1 + 3 + 1 ? true : undefined));
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const province = receiver.received.filter((r) => r.path === '/province');
    expect(province.map((r) => r.answered)).toEqual([500, 200, 200, 200]);
    // The retry is the same delivery: same webhook-id, same body.
    const retried = province.filter((r) => r.id === province[0]!.id);
    expect(retried).toHaveLength(2);
    expect(retried[0]!.body).toBe(retried[1]!.body);
    const types = (path: string) =>
      bodies(path)
        .map((b) => b.type)
        .sort();
    expect(types('/province')).toEqual(['finding.appealed', 'finding.decided', 'finding.decided']);
    expect(types('/chengdu')).toEqual(['finding.appealed', 'finding.decided', 'finding.decided']);
    expect(types('/appeals')).toEqual(['finding.appealed']);
    expect(receiver.received.filter((r) => r.path === '/mianyang')).toEqual([]);

    const [appealed] = bodies('/province', 'finding.appealed');
    expect(appealed.data).toMatchObject({
      period: '2026Q2',
      finding: {
        id: ids['header-full-name'],
        siteId: 'cd-portal',
        ruleId: 'header-full-name',
        url: HOMEPAGE,
        outcome: 'fail',
        state: 'appealed',
      },
      action: {
        what: 'appeal',
        who: 'chengdu',
        role: 'city',
        region: '510100',
        why: '头部图片中有网站全称',
        sweepId,
      },
      site: { id: 'cd-portal', region: '510100' },
      rule: { id: 'header-full-name', clause: '4.3.3' },
      // Nothing decided yet when it was appealed.
      adjudicated: { outcome: 'fail', score: 80, qualified: true },
      automated: { score: 80 },
    });
    expect(appealed.data.finding.evidenceDigest).toMatch(/\S/);
    const decisions = bodies('/province', 'finding.decided').sort((a, b) =>
      a.data.rule.id < b.data.rule.id ? -1 : 1,
    );
    expect(decisions.map((d) => d.data.action.id).sort()).toEqual([first!.id, second!.id].sort());
    for (const decision of decisions) {
      expect(decision.data).toMatchObject({
        finding: { state: 'overturned', outcome: 'fail' },
        action: {
          what: 'overturned',
          verdict: 'overturned',
          who: 'province-office',
          role: 'province',
          batchId: first!.batchId,
        },
        // The site's values after the whole batch: both failures struck off.
        adjudicated: { outcome: 'pass', score: 100, qualified: true },
        automated: { score: 80 },
      });
      expect(decision.data.action.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(decisions.map((d) => d.data.finding.id)).toEqual([ids['annual-report'], ids['header-full-name']]);
  });

  it('raises no violation for a finding carried forward as overturned, and one again when its evidence changes', async () => {
    receiver = await startReceiver();
    await flow.subscribe(receiver.endpoint('violations', secretOf(6)), secretOf(6), [
      'violation.detected',
      'violation.resolved',
    ]);
    flow.startWorker();
    const first = await sweepOf(failing());
    await waitFor('the first violations', () => (receiver!.received.length === 2 ? true : undefined));
    const ids = await findingsOf();
    const decided = await api.as('province', {
      method: 'POST',
      url: `/api/v1/findings/${ids['header-full-name']}/decisions`,
      payload: { verdict: 'overturned', reason: '图片中有全称' },
    });
    expect(decided.statusCode).toBe(201);

    const unchanged = await sweepOf(failing());
    const changed = await sweepOf(failing('成都'));
    await waitFor('the changed evidence', () => (receiver!.received.length === 3 ? true : undefined));
    const seen = bodies('/violations').map((b) => `${b.type} ${b.data.sweep.id} ${b.data.rule.id}`);
    expect(seen.sort()).toEqual(
      [
        `violation.detected ${first} annual-report`,
        `violation.detected ${first} header-full-name`,
        `violation.detected ${changed} header-full-name`,
      ].sort(),
    );
    expect(seen.some((line) => line.includes(unchanged))).toBe(false);
    const again = bodies('/violations').find((b) => b.data.sweep.id === changed);
    expect(again.data).toMatchObject({
      outcome: 'fail',
      // The result before, as adjudicated: its failure was struck off.
      previousOutcome: 'pass',
      previousSweepId: unchanged,
      findings: { count: 1, items: [{ id: ids['header-full-name'], state: 'open' }] },
    });
  });

  it('answers 201 when the events cannot be logged, and raises them in the recovery pass', async () => {
    receiver = await startReceiver();
    const hook = await flow.subscribe(receiver.endpoint('late', secretOf(7)), secretOf(7), [
      ...FINDING_EVENTS,
    ]);
    await sweepOf(failing());
    const ids = await findingsOf();
    // The action is committed, then logging its deliveries fails (the database went away, say).
    const broken = await webhookApp(h.store, h.config, true, {
      onFindingActions: async () => {
        throw new Error('connection terminated');
      },
    });
    try {
      const appeal = await broken.as('city', {
        method: 'POST',
        url: `/api/v1/findings/${ids['annual-report']}/appeals`,
        payload: { reason: '报表已发布' },
      });
      expect(appeal.statusCode).toBe(201);
      expect(await h.store.webhooks.deliveries(hook.id)).toEqual([]);
      expect(await flow.notifier.recoverFindingEvents()).toBe(1);
      flow.startWorker();
      await waitFor('the recovered event', () => (receiver!.received.length === 1 ? true : undefined));
      expect(receiver.received[0]).toMatchObject({ type: 'finding.appealed', verified: true, answered: 200 });
      expect(JSON.parse(receiver.received[0]!.body).data.action.id).toBe(appeal.json().id);
      expect(await flow.notifier.recoverFindingEvents()).toBe(0);
    } finally {
      await broken.close();
    }
  });
});
