import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { STYLESHEET } from '../assets/dashboard-css.ts';

const require = createRequire(import.meta.url);

/** Chart.js's browser build from node_modules, served by us: the offices' intranets reach no CDN. */
export function chartJsPath(): string {
  // The package exports only its module entry points; the UMD build sits beside them in dist/.
  return join(dirname(require.resolve('chart.js')), 'chart.umd.js');
}

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#b8121b"/><path d="M4 8.5l2.5 2.5L12 5" stroke="#fff" stroke-width="2" fill="none"/></svg>';

const OUR_SCRIPTS = ['charts.js', 'sweep.js', 'copy.js'] as const;

/** /assets/chart.js, charts.js, sweep.js, copy.js and dashboard.css: read once at start. */
export async function assetRoutes(fastify: FastifyInstance): Promise<void> {
  const scripts = new Map<string, string>([['chart.js', await readFile(chartJsPath(), 'utf8')]]);
  for (const name of OUR_SCRIPTS) {
    scripts.set(name, await readFile(new URL(`../assets/${name}`, import.meta.url), 'utf8'));
  }
  const cache = 'public, max-age=3600';
  for (const [name, source] of scripts) {
    fastify.get(`/assets/${name}`, { config: { dashboard: 'public' } }, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', cache).send(source),
    );
  }
  fastify.get('/assets/icon.svg', { config: { dashboard: 'public' } }, async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', cache).send(ICON),
  );
  fastify.get('/assets/dashboard.css', { config: { dashboard: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', cache).send(STYLESHEET),
  );
}
