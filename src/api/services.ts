import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { SweepLauncher } from '../service/sweep-launcher.ts';
import type { ResultsStore } from '../store/store.ts';
import type { AppOptions } from './app-options.ts';
import { probe } from './with-timeout.ts';

/** The injected dependencies, as the routes use them. */
export interface Services {
  store: ResultsStore;
  launcher: SweepLauncher;
  queueHealthy(): Promise<boolean>;
  databaseHealthy(): Promise<boolean>;
  registryChanged(): void;
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
