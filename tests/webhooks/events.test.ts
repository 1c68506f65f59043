import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SITES, siteResult } from '../api/support/fixtures.ts';
import { type Harness, startHarness, waitFor } from '../queue/support/harness.ts';
import { secretOf, unreachable, type WebhookFlow, webhookFlow } from './support/flow.ts';
import { type Receiver, startReceiver } from './support/receiver.ts';

describe('webhook events', () => {
  let h: Harness;
  let flow: WebhookFlow;
  let receiver: Receiver | undefined;

  beforeEach(async () => {
    h = await startHarness();
    await h.store.sites.replaceAll(SITES);
    flow = webhookFlow(h);
  });

  afterEach(async () => {
    await flow.close();
    await receiver?.close();
    receiver = undefined;
    await h.close();
  });

  it('sends violation.detected, violation.resolved and one sweep.completed per sweep, by region, nothing lost or doubled', async () => {
    receiver = await startReceiver();
    const hooks = {
      all: await flow.subscribe(receiver.endpoint('all', secretOf(2)), secretOf(2), [
        'violation.detected',
        'violation.resolved',
        'sweep.completed',
      ]),
      chengdu: await flow.subscribe(
        receiver.endpoint('chengdu', secretOf(3)),
        secretOf(3),
        ['violation.detected', 'sweep.completed'],
        '510100',
      ),
      jinjiang: await flow.subscribe(
        receiver.endpoint('jinjiang', secretOf(4)),
        secretOf(4),
        ['violation.detected', 'sweep.completed'],
        '510104',
      ),
      mianyang: await flow.subscribe(
        receiver.endpoint('mianyang', secretOf(5)),
        secretOf(5),
        ['violation.detected', 'sweep.completed'],
        '510700',
      ),
      resolvedOnly: await flow.subscribe(receiver.endpoint('resolved', secretOf(6)), secretOf(6), [
        'violation.resolved',
      ]),
    };
    // Deliveries wait in Redis until the worker starts.
    const first = await flow.sweep(['cd-portal', 'cd-jinjiang']);
    await flow.deliver(first, siteResult('cd-portal', ['header-full-name']));
    await flow.deliver(first, siteResult('cd-jinjiang'));
    await waitFor('the first sweep', async () =>
      (await h.store.sweeps.get(first))?.state === 'done' ? true : undefined,
    );
    // The same result handed off again, and the hook fired again for it: nothing more is sent.
    await flow.deliver(first, siteResult('cd-jinjiang'));
    await flow.notifier.onResultStored(first, siteResult('cd-jinjiang'));

    const second = await flow.sweep(['cd-portal', 'cd-jinjiang']);
    await flow.deliver(second, siteResult('cd-portal', ['broken-links']));
    await flow.deliver(second, unreachable(siteResult('cd-jinjiang')));
    await waitFor('the second sweep', async () =>
      (await h.store.sweeps.get(second))?.state === 'done' ? true : undefined,
    );
    await flow.notifier.onResultStored(second, siteResult('cd-portal', ['broken-links']));
    flow.startWorker();

    const expected = {
      '/all': [
        `violation.detected ${first} cd-portal header-full-name`,
        `sweep.completed ${first}`,
        `violation.detected ${second} cd-portal broken-links`,
        `violation.resolved ${second} cd-portal header-full-name`,
        `sweep.completed ${second}`,
      ],
      '/chengdu': [
        `violation.detected ${first} cd-portal header-full-name`,
        `sweep.completed ${first}`,
        `violation.detected ${second} cd-portal broken-links`,
        `sweep.completed ${second}`,
      ],
      '/jinjiang': [`sweep.completed ${first}`, `sweep.completed ${second}`],
      '/resolved': [`violation.resolved ${second} cd-portal header-full-name`],
    };
    const total = Object.values(expected).flat().length;
    await waitFor('every webhook', () => (receiver!.received.length >= total ? true : undefined));
    await sleep(1_000); // anything sent twice would arrive now
    const seen: Record<string, string[]> = {};
    for (const r of receiver.received) {
      const { type, data } = JSON.parse(r.body);
      const what = data.rule
        ? `${type} ${data.sweep.id} ${data.site.id} ${data.rule.id}`
        : `${type} ${data.sweep.id}`;
      seen[r.path] = [...(seen[r.path] ?? []), what];
    }
    for (const list of Object.values(seen)) list.sort();
    expect(seen).toEqual(
      Object.fromEntries(Object.entries(expected).map(([path, list]) => [path, [...list].sort()])),
    );
    expect(receiver.received.every((r) => r.verified && r.answered === 200)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(total);

    for (const hook of Object.values(hooks)) {
      const log = await h.store.webhooks.deliveries(hook.id);
      expect(log.every((d) => d.state === 'delivered' && d.attempts === 1)).toBe(true);
      expect(log).toHaveLength(
        expected[`/${hook.url.split('/').pop()}` as keyof typeof expected]?.length ?? 0,
      );
    }
    const completed = JSON.parse(
      receiver.received.find((r) => r.path === '/all' && r.type === 'sweep.completed')!.body,
    );
    expect(completed.data.sweep).toMatchObject({
      kind: 'quarterly-patrol',
      period: '2026Q2',
      total: 2,
      done: 2,
      failed: 0,
    });
  });

  /** What the receiver got, as `type site rule` / `type`, sorted. */
  const received = () =>
    receiver!.received
      .map((r) => {
        const { type, data } = JSON.parse(r.body);
        return data.rule ? `${type} ${data.site.id} ${data.rule.id}` : type;
      })
      .sort();

  it('sends the events of a result whose notifier failed once, once, after the job is retried', async () => {
    await flow.close();
    flow = webhookFlow(h, { hookFailures: 1 });
    receiver = await startReceiver();
    await flow.subscribe(receiver.endpoint('retry', secretOf(2)), secretOf(2), [
      'violation.detected',
      'sweep.completed',
    ]);
    flow.startWorker();
    const sweepId = await flow.sweep(['cd-portal']);
    await flow.deliver(sweepId, siteResult('cd-portal', ['header-full-name']));
    await waitFor('both events', () => (receiver!.received.length >= 2 ? true : undefined));
    await sleep(1_000);
    expect(received()).toEqual(['sweep.completed', 'violation.detected cd-portal header-full-name']);
    const job = await flow.results.getJob(`${sweepId}__cd-portal`);
    expect(job?.attemptsMade).toBe(2);
  });

  it('sends the events of a result stored just before a crash when the result is delivered again', async () => {
    receiver = await startReceiver();
    await flow.subscribe(receiver.endpoint('crash', secretOf(3)), secretOf(3), [
      'violation.detected',
      'sweep.completed',
    ]);
    flow.startWorker();
    const sweepId = await flow.sweep(['cd-portal']);
    const result = siteResult('cd-portal', ['header-full-name']);
    expect(await h.store.results.record(sweepId, result)).toBe(true); // the process died here
    await flow.deliver(sweepId, result);
    await waitFor('both events', () => (receiver!.received.length >= 2 ? true : undefined));
    await sleep(1_000);
    expect(received()).toEqual(['sweep.completed', 'violation.detected cd-portal header-full-name']);
  });

  it('compares with the last decided outcome: fail, unreachable, fail is one violation.detected', async () => {
    receiver = await startReceiver();
    await flow.subscribe(receiver.endpoint('gap', secretOf(4)), secretOf(4), [
      'violation.detected',
      'violation.resolved',
    ]);
    flow.startWorker();
    const results = [
      siteResult('cd-portal', ['header-full-name']),
      unreachable(siteResult('cd-portal')),
      siteResult('cd-portal', ['header-full-name']),
      unreachable(siteResult('cd-portal')),
      siteResult('cd-portal'),
    ];
    for (const result of results) {
      const sweepId = await flow.sweep(['cd-portal']);
      await flow.deliver(sweepId, result);
      await waitFor('the sweep', async () =>
        (await h.store.sweeps.get(sweepId))?.state === 'done' ? true : undefined,
      );
    }
    await waitFor('both events', () => (receiver!.received.length >= 2 ? true : undefined));
    await sleep(1_000);
    expect(received()).toEqual([
      'violation.detected cd-portal header-full-name',
      'violation.resolved cd-portal header-full-name',
    ]);
  });

  it('compares with the result stored just before, not with another sweep stored after', async () => {
    receiver = await startReceiver();
    await flow.subscribe(receiver.endpoint('two', secretOf(5)), secretOf(5), ['violation.detected']);
    flow.startWorker();
    const before = await flow.sweep(['cd-portal']);
    await h.store.results.record(before, siteResult('cd-portal'));
    // Two sweeps of the site at once, both stored before either's notifier ran.
    const [a, b] = [await flow.sweep(['cd-portal']), await flow.sweep(['cd-portal'])] as const;
    const failing = siteResult('cd-portal', ['header-full-name']);
    await h.store.results.record(a, failing);
    await h.store.results.record(b, failing);
    await flow.notifier.onResultStored(a, failing);
    await flow.notifier.onResultStored(b, failing);
    await waitFor('the event', () => (receiver!.received.length >= 1 ? true : undefined));
    await sleep(1_000);
    expect(received()).toEqual(['violation.detected cd-portal header-full-name']);
    expect(JSON.parse(receiver.received[0]!.body).data).toMatchObject({
      sweep: { id: a },
      previousSweepId: before,
      previousOutcome: 'pass',
    });
  });
});
