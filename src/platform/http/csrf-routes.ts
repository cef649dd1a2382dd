import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

/** GET /api/csrf: a CSRF token for the browser to send back in `X-CSRF-Token` on state-changing requests. */
export const csrfRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/csrf',
    {
      schema: {
        tags: ['platform'],
        summary: 'Jeton CSRF / CSRF token',
        response: { 200: Type.Object({ token: Type.String() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );
};
