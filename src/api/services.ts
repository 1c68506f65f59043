import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { FindingAction } from '../adjudication/types.ts';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { ResultsStore } from '../store/store.ts';
import type { AppOptions } from './app-options.ts';
import { probe, withTimeout } from './with-timeout.ts';

/** The injected dependencies, as the routes use them. */
export interface Services {
  store: ResultsStore;
  launcher: SweepLauncher;
  queueHealthy(): Promise<boolean>;
  databaseHealthy(): Promise<boolean>;
  registryChanged(): void;
  /** After appeals or decisions were stored; never throws: a failure is logged (the action stands). */
  findingActionsRecorded(actions: readonly FindingAction[]): Promise<void>;
  now(): Date;
  dependencyTimeoutMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const services: FastifyPluginAsync<AppOptions> = fp(
  async (fastify: FastifyInstance, options: AppOptions) => {
    const timeoutMs = options.dependencyTimeoutMs ?? 3000;
    const { store, onRegistryChanged } = options;
    const databaseHealth = options.databaseHealth ?? (() => pingStore(store));
    fastify.decorate('services', {
      store,
      launcher: options.launcher,
      queueHealthy: () => probe(options.queueHealth, timeoutMs),
      databaseHealthy: () => probe(databaseHealth, timeoutMs),
      registryChanged() {
        if (!onRegistryChanged) return;
        Promise.resolve()
          .then(onRegistryChanged)
          .catch((error: unknown) =>
            fastify.log.error({ err: error }, 'reconciling after a registry change failed'),
          );
      },
      async findingActionsRecorded(actions) {
        if (!options.onFindingActions) return;
        try {
          await withTimeout(options.onFindingActions(actions), timeoutMs, 'finding webhook events');
        } catch (error) {
          // The deliveries logged are queued again by the delivery worker; those never logged are
          // raised by the notifier's recovery pass (FINDING_RECOVERY).
          fastify.log.error(
            { err: error, actions: actions.map((action) => action.id) },
            'finding webhook events not queued now; recovered later',
          );
        }
      },
      now: options.now ?? (() => new Date()),
      dependencyTimeoutMs: timeoutMs,
    } satisfies Services);
  },
  { name: 'gov-inspector-services' },
);

/** A primary-key lookup: answers when the database does, whatever the answer. */
async function pingStore(store: ResultsStore): Promise<boolean> {
  await store.sweeps.get('health-probe');
  return true;
}
