import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from '../log.ts';
import type { ResultsStore } from '../store/store.ts';
import { CONTENT_SECURITY_POLICY } from './content-policy.ts';
import { enforcePageAccess } from './page-access.ts';
import { assetRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { findingPageRoutes } from './routes/findings.ts';
import { notFoundPage } from './routes/not-found.ts';
import { noticePageRoutes } from './routes/notices.ts';
import { pageRoutes } from './routes/pages.ts';
import { registryRoutes } from './routes/registry.ts';
import { reportRoutes } from './routes/reports.ts';
import { reviewPageRoutes } from './routes/review.ts';
import { sweepStartRoutes } from './routes/sweep-start.ts';
import { sweepListRoutes } from './routes/sweeps.ts';
import { tokenPageRoutes } from './routes/tokens.ts';
import { webhookPageRoutes } from './routes/webhooks.ts';
import { wordingPageRoutes } from './routes/wording.ts';
import { DASHBOARD_PREFIX } from './session.ts';
import { errorPage } from './views/error-page.ts';

export { MissingDashboardAccessError } from './page-access.ts';
export { DASHBOARD_PREFIX };

export interface DashboardOptions {
  store: ResultsStore;
  /** Where workers keep evidence: `${artifactDir}/${sweepId}/evidence/${siteId}/header.png`. */
  artifactDir: string;
  log: Logger;
  /** "Today", for the overview's current quarter. Default: the real clock. */
  now?: () => Date;
  /** How often the sweep page polls its progress. Default 3 s. */
  sweepPollMs?: number;
}

/**
 * The dashboards, in Chinese, for a signed-in token, under /dashboard: register on the app built by
 * `buildApp` (no prefix option: the mount point is fixed). Its access rule applies to every route
 * under /dashboard on that server; its cookie and form parsers, policy and error pages stay inside.
 */
export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = fp(
  async (fastify: FastifyInstance, options: DashboardOptions) => {
    enforcePageAccess(fastify, options.store);
    await fastify.register(dashboardPages, { ...options, prefix: DASHBOARD_PREFIX });
  },
  { name: 'gov-inspector-dashboard' },
);

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  413: '提交的内容超过了大小限制。',
  415: '不支持这种提交格式，请从本站页面提交表单。',
  429: '请求过于频繁，请稍后再试。',
};

const dashboardPages: FastifyPluginAsync<DashboardOptions> = async (
  fastify: FastifyInstance,
  options: DashboardOptions,
) => {
  const { store, artifactDir } = options;
  const log = options.log.child({ component: 'dashboard' });
  await fastify.register(cookie);
  // Forms only: no JSON or plain-text bodies (Fastify's defaults) reach a dashboard handler (415).
  fastify.removeAllContentTypeParsers();
  await fastify.register(formbody);
  // Replaces the API's policy (helmet's header, set on the raw response) on every dashboard answer,
  // error pages and the not-found page included. Referrer: helmet's no-referrer would make Chromium
  // send `Origin: null` with our own forms, which the origin check must refuse; same-origin still
  // tells inspected sites nothing when an official follows a link to them.
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('referrer-policy', 'same-origin');
  });
  fastify.setNotFoundHandler({}, (request, reply) => notFoundPage(request, reply));
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = CLIENT_ERROR_MESSAGES[status] ?? '请求无效。';
      return reply
        .status(status)
        .type('text/html; charset=utf-8')
        .send(errorPage(status, '无法打开页面', message, request.viewer));
    }
    log.error({ err: error, url: request.url }, 'dashboard page failed');
    return reply
      .status(500)
      .type('text/html; charset=utf-8')
      .send(errorPage(500, '服务器出错', '页面生成失败，请稍后再试或联系管理员。', request.viewer));
  });
  await assetRoutes(fastify);
  authRoutes(fastify, store);
  const now = options.now ?? (() => new Date());
  pageRoutes(fastify, {
    store,
    artifactDir,
    now,
    sweepPollMs: options.sweepPollMs ?? 3000,
  });
  sweepListRoutes(fastify, store);
  evidenceRoutes(fastify, store, artifactDir);
  reportRoutes(fastify);
  // The operator console: what the API's province and sweep routes do, as forms.
  sweepStartRoutes(fastify, store);
  await registryRoutes(fastify, store);
  tokenPageRoutes(fastify);
  webhookPageRoutes(fastify);
  wordingPageRoutes(fastify, store);
  // Review and appeals (contract §7): the province's queue, a city's findings.
  reviewPageRoutes(fastify, { store, artifactDir, now });
  findingPageRoutes(fastify, { store, artifactDir, now });
  noticePageRoutes(fastify, now);
};
