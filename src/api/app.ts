import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { API_PREFIX, accessRules } from './access.ts';
import { apiRoutes } from './api-routes.ts';
import type { AppOptions } from './app-options.ts';
import { docs } from './docs.ts';
import { registerErrorHandling } from './error-handler.ts';
import { health } from './health.ts';
import { security } from './security.ts';
import { services } from './services.ts';

export type { AppOptions, RateLimitOptions } from './app-options.ts';

/**
 * The whole HTTP application as one plugin. Not encapsulated (fastify-plugin), so that its
 * deny-by-default guard, error handler and security headers hold for every route of the server it is
 * registered on, including routes added beside it.
 */
export const app: FastifyPluginAsync<AppOptions> = fp(
  async (fastify: FastifyInstance, options: AppOptions) => {
    // TypeBox's compiler: rejects unknown properties instead of silently removing them, as Ajv's
    // Fastify defaults would, and converts only params and query strings.
    fastify.setValidatorCompiler(TypeBoxValidatorCompiler);
    await fastify.register(services, options);
    registerErrorHandling(fastify);
    await fastify.register(security, options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit });
    // After security: its onRoute hook must add the rate limiter before this one adds authentication.
    await fastify.register(accessRules);
    await fastify.register(docs);
    await fastify.register(health);
    await fastify.register(apiRoutes, { prefix: API_PREFIX });
  },
  { name: 'gov-inspector-app' },
);

export interface BuildAppOptions extends AppOptions {
  /** The process's pino logger; request logs go through it with the Authorization header redacted. */
  log: Logger;
  /**
   * `TRUST_PROXY`: the reverse proxies whose X-Forwarded-For, -Proto and -Host are believed (for
   * request.ip and the per-IP rate limit, request.host and whether the request came over HTTPS, which
   * makes the session cookie Secure). Unset: none.
   */
  trustProxy?: string;
}

/** The largest body of a JSON request; the sites file and the registry's upload have their own limits. */
export const BODY_LIMIT = 1024 * 1024;

/** The Fastify server's own options, shared by `buildApp` and the route table test. */
export function serverOptions(
  trustProxy: string | undefined,
): Pick<FastifyServerOptions, 'trustProxy' | 'bodyLimit'> {
  return { trustProxy: trustProxy ?? false, bodyLimit: BODY_LIMIT };
}

/**
 * A Fastify server with the application registered, not yet ready: `listen()` (the serve command)
 * or `inject()` (tests) readies it, and refuses if a route under /api/v1 lacks an access rule.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { log, trustProxy, ...appOptions } = options;
  const logger: FastifyBaseLogger = log.child(
    { component: 'api' },
    { redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' } },
  );
  const fastify = Fastify({ loggerInstance: logger, ...serverOptions(trustProxy) });
  await fastify.register(app, appOptions);
  return fastify;
}
