import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export const DOCS_PREFIX = '/docs';

/**
 * Swagger UI's page: scripts only from the server itself, but inline styles (its React components
 * set them; checked in Chromium by tests/api/docs-browser.test.ts). No upgrade-insecure-requests:
 * the service is often reached over plain HTTP inside a government network.
 */
const DOCS_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** OpenAPI for every route (collected as they are registered), the JSON at /docs/json and Swagger UI at /docs. */
export const docs: FastifyPluginAsync = fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'gov-inspector API',
          description:
            '四川省政府网站检查服务接口（contract §6）。除 /health 外，所有 /api/v1 接口都需要 `Authorization: Bearer TOKEN`。',
          version: '1',
        },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'gov-inspect token create 生成的令牌' },
          },
        },
        security: [{ bearer: [] }],
      },
    });
    await fastify.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      staticCSP: DOCS_CSP,
    });
  },
  { name: 'gov-inspector-docs' },
);
