import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { type AppOptions, buildApp } from '../../../src/api/app.ts';
import type { QueueConfig } from '../../../src/queue/queues.ts';
import type { ResultsStore } from '../../../src/store/store.ts';
import { webhookRoutes } from '../../../src/webhooks/routes.ts';
import { SITES } from '../../api/support/fixtures.ts';
import { RecordingLauncher } from '../../api/support/launchers.ts';

export type Caller = 'province' | 'city' | 'none';

export interface WebhookApp {
  app: FastifyInstance;
  as(caller: Caller, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The API over `store` with the webhook routes registered under /api/v1, as the lead wires them;
 * `extra`: the notifier's hook for appeals and decisions and the API's clock, as serve passes them.
 */
export async function webhookApp(
  store: ResultsStore,
  queue: QueueConfig,
  allowPrivateTargets: boolean,
  extra: Pick<AppOptions, 'onFindingActions' | 'now'> = {},
): Promise<WebhookApp> {
  if ((await store.sites.list()).length === 0) await store.sites.replaceAll(SITES);
  const tokens = {
    province: (await store.tokens.create({ role: 'province', region: null, name: 'province-office' })).token,
    city: (await store.tokens.create({ role: 'city', region: '510100', name: 'chengdu' })).token,
  };
  const app = await buildApp({
    store,
    launcher: new RecordingLauncher(),
    queueHealth: async () => true,
    log: pino({ level: 'silent' }),
    rateLimit: false,
    ...extra,
  });
  await app.register(webhookRoutes, { prefix: '/api/v1', queue, allowPrivateTargets });
  await app.ready();
  return {
    app,
    as: (caller, options) =>
      app.inject({
        ...options,
        headers: {
          ...(caller === 'none' ? {} : { authorization: `Bearer ${tokens[caller]}` }),
          ...(options.headers ?? {}),
        },
      }),
    close: () => app.close(),
  };
}
