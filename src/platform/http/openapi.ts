import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorSchema } from './schemas.ts';

/** The OpenAPI 3.1 document at /api/openapi.json and interactive docs at /api/docs. */
export const openApi = fp(async (app: FastifyInstance) => {
  app.addSchema(ErrorSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civique API',
        version: '0.1.0',
        description:
          'API de Civique, hôtel de ville numérique. Les erreurs ont la forme { error: { code, message, details } }, message en français par défaut (Accept-Language: en pour l’anglais). / Civique API. Errors are { error: { code, message, details } }; messages in French by default (Accept-Language: en for English).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-civique_session' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });
  // The docs page runs its own inline scripts; relax the policy for it alone (it may still not be framed:
  // a replaced policy would otherwise drop the frame-ancestors of the default one).
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; frame-ancestors 'none'",
      );
    }
    return payload;
  });
});
